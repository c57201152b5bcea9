#!/usr/bin/env bash
# scripts/bench.sh - the benchmark harness:   bash scripts/bench.sh [scenario...]
#
#   Runs the named scenarios (all of them without arguments) and prints one table line per scenario:
#       scenario | product figure | ceiling/comparison | ratio | goal | verdict
#   and writes the same as a JSON array to TestResults/bench/results.json.
#
#   A scenario is a test in Helpdesk.Tests tagged [Trait("Category","Benchmark")] and [Trait("Scenario","<name>")]
#   that writes its BenchmarkResult to $HELPDESK_BENCH_DIR/<name>.json (Helpdesk.Tests/Benchmarks/). The normal test
#   run skips them (scripts/test.sh adds Category!=Benchmark); each has a smoke test with a tiny N that it does run.
#
#   A scenario with several cases (list-query, cold-start) writes an array of lines, one table line each. The ratio
#   is the product's share of the ceiling measured in the same run (rate / ceiling rate, ceiling time / product time).
#
#   Scenarios (sizes from the environment; a product run stops after HELPDESK_BENCH_BUDGET_SECONDS, default 75, and
#   reports what it finished, so each scenario ends within two minutes):
#     login-timing   medians of logins for unknown names vs a wrong password for a real account, against the whole
#                    app; goal: within 20 % (HELPDESK_BENCH_ROUNDS, default 100 of each).
#     inbound-drop   HELPDESK_BENCH_MAILS (2,000) generated .eml files in the drop folder -> committed tickets through
#                    the real store + processing; ceiling: MimeKit parse + one raw SQLite row per mail, one
#                    transaction; goal >= 5,000/s and >= 0.5x ceiling. The product first takes mail of its own on a host of
#                    its own (warm-up), the ceiling some of the files; the JIT's work during the timed run is reported,
#                    and the SQL commands the product ran per mail and the memory it allocated per ticket (figures the
#                    machine's load does not move).
#     inbound-imap   the same mails appended to a fresh Dovecot mailbox (not timed) -> tickets through the real IMAP
#                    fetcher + processing; ceiling: MailKit fetching the full messages; goal >= 2,500/s and >= 0.5x. Warmed
#                    up like inbound-drop (its own mailbox and host).
#     outbox-smtp    HELPDESK_BENCH_MAILS 10 KB outbox rows -> the loopback Postfix through OutboxSendStage; ceiling:
#                    MailKit over as many parallel connections as the product opens by default
#                    (Mail:Outbound:Connections); goal >= 1,000/s or >= 0.8x ceiling. Both are warmed up first on mails of
#                    their own (the product on a second host with two-mail batches), then the timed mails go in four
#                    rounds each, ceiling and product taking turns (Postfix's share of the machine drifts, so both are
#                    timed over the same minutes); the JIT's work during the timed rounds is reported beside each.
#     save-during-inbound an agent saving every 25 ms, a note (a ticket write) and a draft of a reply (a plain save) in
#                    turn, while HELPDESK_BENCH_MAILS (2,000) generated mails become tickets through the drop folder: p95
#                    of the saves (and of each kind); comparison: the same saves on the same console with no mail coming
#                    in; goal p95 <= 250 ms (on SQLite both wait for its one write lock).
#     list-query     HELPDESK_BENCH_TICKETS (100,000) seeded tickets -> p95 of TicketListQuery for page 1, a status
#                    filter, a team filter, a text search, and its counts statement; ceiling: raw SQL on a copy with a
#                    counts table, covering indexes and FTS5; goal p95 <= 2 ms, text search <= 25 ms
#                    (HELPDESK_BENCH_SAMPLES timings per request, default 200, after warm-up rounds of both until the
#                    JIT is quiet, as the mail scenarios; the JIT's work during the timed runs is reported).
#     list-query-pg  list-query on a fresh PostgreSQL database (tickets seeded by binary COPY, same generator); ceiling:
#                    raw SQL on a copy in schema "ceiling" with a counts table, covering indexes and a GIN tsvector.
#     inbound-drop-pg inbound-drop on a fresh PostgreSQL database; ceiling: MimeKit parse + one raw row per mail through
#                    Npgsql, one transaction. The -pg scenarios need PostgreSQL (scripts/postgres.sh start; server from
#                    HELPDESK_TEST_POSTGRES); run them beside their SQLite twins to compare in one table, e.g.
#                    bash scripts/bench.sh list-query list-query-pg inbound-drop inbound-drop-pg
#     cold-start     the console as README's command runs it (scripts/publish.sh: Release, ReadyToRun) as a process on a
#                    migrated data folder -> /health 200 and login page 200, median of HELPDESK_BENCH_STARTS (5);
#                    ceiling: an empty ASP.NET Core app; goal <= 1 s. One more, untimed start counts the methods the JIT
#                    compiled until the login page answered (a figure the load hardly moves). HELPDESK_BENCH_CONSOLE=<dll>
#                    times another build of the console instead (e.g. Helpdesk.Blazor/bin/Release/net10.0/Helpdesk.Blazor.dll, no ReadyToRun).
#     live-list      supervisors on the ticket list while tickets change through the real commands
#                    (HELPDESK_BENCH_CHANGE_RATE, default 10/s, for HELPDESK_BENCH_SECONDS, default 20), in turns a ticket
#                    off the first page and one halfway down it, each going on top: 20 and 50 Chromium tabs
#                    (HELPDESK_BENCH_TABS="20 50"), then 500 simulated circuits (HELPDESK_BENCH_CIRCUITS, 0: none)
#                    through the same batcher and shared list results; commit -> row seen p50/p95, changes never seen,
#                    the console's and the Chromium processes' CPU, memory per circuit for the tabs (RSS and managed
#                    delta / circuits, after GC; measured from after ten warm-up tabs and a quiet JIT, so recompiled code
#                    is not counted as circuits, to once the connections the tabs' loads left idle are closed by the
#                    keep-alive timeout, and the managed delta 2 s after they opened, with those connections; simulated
#                    circuits hold no rendered page, so none for them), list queries run; goal p95 <= 250 ms, none
#                    unseen, <= 400 KB per circuit. About 4 minutes.
#     two-consoles   two real console processes on one PostgreSQL database, the real Postfix and Dovecot:
#                    HELPDESK_BENCH_MAILS (default 1,000) mails through IMAP -> tickets whose autoresponses and alerts
#                    Postfix delivers to Dovecot, the mailbox holder killed (SIGKILL) while sending; mails/s in+out,
#                    tickets and deliveries counted per Message-ID, duplicates, take-over times; then the killed one
#                    started again and HELPDESK_BENCH_SAMPLES (20) subject changes in Chromium on one console ->
#                    row seen in a Chromium ticket list on the other: p50/p95, goal p95 <= 1 s. About 3-6 minutes.
#   The mail scenarios need the loopback mail stack (scripts/mail-stack.sh start).
#
# Exit status: non-zero if a scenario is unknown, did not run, or missed its goal.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
OUT=$ROOT/TestResults/bench
source "$ROOT/scripts/dotnet-env.sh"

say() { echo "bench.sh: $*" >&2; }

KNOWN=(login-timing inbound-drop inbound-drop-pg inbound-imap outbox-smtp save-during-inbound list-query list-query-pg cold-start live-list two-consoles)
if [ $# -gt 0 ]; then SCENARIOS=("$@"); else SCENARIOS=("${KNOWN[@]}"); fi
for scenario in "${SCENARIOS[@]}"; do
    if [[ ! " ${KNOWN[*]} " == *" $scenario "* ]]; then
        say "unknown scenario '$scenario' (known: ${KNOWN[*]})"
        exit 2
    fi
done
if ! find_dotnet; then
    say "ERROR: the .NET 10 SDK was not found"
    exit 1
fi
command -v jq >/dev/null || { say "ERROR: jq is needed for the table"; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT"/*.json
if ! dotnet build "$ROOT/Helpdesk.Tests" -c Release --nologo -v quiet >"$OUT/build.log" 2>&1; then
    say "ERROR: the build failed; see ${OUT#"$ROOT"/}/build.log"
    exit 1
fi

if [[ " ${SCENARIOS[*]} " == *" cold-start "* && -z "${HELPDESK_BENCH_CONSOLE:-}" ]]; then
    if ! bash "$ROOT/scripts/publish.sh" >"$OUT/publish.log" 2>&1; then
        say "ERROR: publishing the console failed; see ${OUT#"$ROOT"/}/publish.log"
        exit 1
    fi
    export HELPDESK_BENCH_CONSOLE=$ROOT/Helpdesk.Blazor/bin/run/Helpdesk.Blazor.dll
fi

rc=0
for scenario in "${SCENARIOS[@]}"; do
    say "running $scenario"
    HELPDESK_BENCH_DIR=$OUT dotnet test "$ROOT/Helpdesk.Tests" -c Release --no-build \
        --filter "Category=Benchmark&Scenario=$scenario" --logger "console;verbosity=minimal" >"$OUT/$scenario.log" 2>&1
    if [ ! -s "$OUT/$scenario.json" ]; then
        say "ERROR: $scenario wrote no result; see ${OUT#"$ROOT"/}/$scenario.log"
        rc=1
    fi
done

results=()
for scenario in "${SCENARIOS[@]}"; do
    [ -s "$OUT/$scenario.json" ] && results+=("$OUT/$scenario.json")
done
if [ ${#results[@]} -gt 0 ]; then
    # A scenario with several cases writes an array of lines; the table has one line each.
    jq -s '[.[] | if type == "array" then .[] else . end]' "${results[@]}" >"$OUT/results.json"
else
    echo '[]' >"$OUT/results.json"
fi

{
    printf 'scenario\tproduct figure\tceiling/comparison\tratio\tgoal\tverdict\n'
    jq -r '.[] | [.scenario, .product, .comparison, (.ratio | tostring), .goal, .verdict] | @tsv' "$OUT/results.json"
} | awk -F'\t' '
    # Widths in characters, not bytes (mawk counts bytes): UTF-8 continuation bytes (≥, ×, →) do not count.
    function chars(s) { gsub(/[\200-\277]/, "", s); return length(s) }
    function pad(n,   p) { p = ""; while (n-- > 0) p = p " "; return p }
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (chars($i) > width[i]) width[i] = chars($i) } rows = NR; cols = NF }
    END { for (r = 1; r <= rows; r++) { line = ""; for (i = 1; i <= cols; i++) line = line cell[r, i] pad(width[i] + 2 - chars(cell[r, i])); sub(/ +$/, "", line); print line } }'

if jq -e 'any(.[]; .verdict != "pass")' "$OUT/results.json" >/dev/null; then
    rc=1
fi
say "results: ${OUT#"$ROOT"/}/results.json"
exit "$rc"
