#!/usr/bin/env bash
# scripts/test.sh - the one command that runs all Helpdesk tests:   bash scripts/test.sh [dotnet test args]
#
#   1. Installs Debian's chromium + fonts-liberation if /usr/bin/chromium is missing (E2E tests).
#   2. Starts (or reloads) the loopback mail stack: scripts/mail-stack.sh start. It is left running
#      afterwards so tests can be rerun; stop it with scripts/mail-stack.sh stop.
#   3. Starts the loopback PostgreSQL server: scripts/postgres.sh start (installs postgresql if missing; left running).
#   4. Runs: dotnet test Helpdesk.Blazor.sln -c Release  (+ any arguments given to this script,
#      e.g. --filter "Category!=Browser"; the benchmarks, Category=Benchmark, are always left out: they are
#      run by scripts/bench.sh), then the Core and *HttpTests tests (not the browser ones) a second time on PostgreSQL
#      (HELPDESK_TEST_DATABASE=PostgreSQL, PG_FILTER below; a --filter given here applies to both runs).
#      Output is shown and saved to TestResults/test-output.log; .trx files
#      go to TestResults/, the browser journeys' screenshots to TestResults/screenshots/.
#   5. Sums the VSTest summary lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12")
#      over all test assemblies and both runs and prints, alone on the last line:
#         N passed, N failed            (or "N passed, N failed, N skipped" if any were skipped)
#
# Exit status: non-zero if dotnet test failed, any test failed, or no test ran at all.
# Needs root for the apt-get installs and the mail stack. Environment: see scripts/mail-stack.sh.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
RESULTS=$ROOT/TestResults
LOG=$RESULTS/test-output.log
source "$ROOT/scripts/dotnet-env.sh"

say() { echo "test.sh: $*" >&2; }

if ! find_dotnet; then
    say "ERROR: the .NET 10 SDK was not found on PATH nor in: ${DOTNET_CANDIDATES[*]}"
    exit 1
fi

# --- 1. Chromium for the browser tests ---------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
    say "installing chromium and fonts-liberation"
    export DEBIAN_FRONTEND=noninteractive
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        # No init system: keep package scripts from starting daemons (e.g. dbus) that would
        # outlive this script.
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
    fi
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        apt-get update
    fi
    apt-get install -y chromium fonts-liberation || { apt-get update && apt-get install -y chromium fonts-liberation; }
    apt_rc=$?
    [ $created_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    if [ $apt_rc -ne 0 ] || [ ! -x /usr/bin/chromium ]; then
        say "ERROR: could not install chromium"
        exit 1
    fi
fi

# --- 2. Mail stack ----------------------------------------------------------------------------
if ! bash "$ROOT/scripts/mail-stack.sh" start; then
    say "ERROR: scripts/mail-stack.sh start failed"
    exit 1
fi

# --- 3. PostgreSQL ---------------------------------------------------------------------------
if ! bash "$ROOT/scripts/postgres.sh" start; then
    say "ERROR: scripts/postgres.sh start failed"
    exit 1
fi

# --- 4. Tests ---------------------------------------------------------------------------------
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.trx
rm -rf "$RESULTS/screenshots"
export E2E_SCREENSHOT_DIR="$RESULTS/screenshots"
# Benchmarks (Category=Benchmark) run only from scripts/bench.sh: joined to a --filter given here, or the only filter.
PG_FILTER="(FullyQualifiedName~Helpdesk.Tests.Core|FullyQualifiedName~HttpTests)&Category!=Browser&Category!=Benchmark"
args=() pg_args=() filtered=0
while [ $# -gt 0 ]; do
    case $1 in
        --filter) args+=(--filter "(${2:?--filter needs a value})&Category!=Benchmark"); pg_args+=(--filter "($2)&$PG_FILTER"); filtered=1; shift 2 ;;
        --filter=*) args+=(--filter "(${1#--filter=})&Category!=Benchmark"); pg_args+=(--filter "(${1#--filter=})&$PG_FILTER"); filtered=1; shift ;;
        *) args+=("$1"); pg_args+=("$1"); shift ;;
    esac
done
[ $filtered = 1 ] || { args+=(--filter "Category!=Benchmark"); pg_args+=(--filter "$PG_FILTER"); }
dotnet test "$ROOT/Helpdesk.Blazor.sln" -c Release \
    --logger "console;verbosity=minimal" --logger trx --results-directory "$RESULTS" \
    "${args[@]}" 2>&1 | tee "$LOG"
dotnet_rc=${PIPESTATUS[0]}
say "the Core and HTTP tests again, on PostgreSQL"
HELPDESK_TEST_DATABASE=PostgreSQL dotnet test "$ROOT/Helpdesk.Tests" -c Release \
    --logger "console;verbosity=minimal" --logger trx --results-directory "$RESULTS" \
    "${pg_args[@]}" 2>&1 | tee -a "$LOG"
pg_rc=${PIPESTATUS[0]}
[ "$dotnet_rc" -ne 0 ] || dotnet_rc=$pg_rc

# --- 5. Totals --------------------------------------------------------------------------------
# Minimal console verbosity prints one line per test assembly:
#   "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..."
# Normal/detailed verbosity (e.g. a --logger given to this script) prints a block instead:
#   "Total tests: 4" / "Passed: 2" / "Failed: 1" / "Skipped: 1" - used only if no one-liner is found.
passed=0 failed=0 skipped=0 total=0 assemblies=0
b_passed=0 b_failed=0 b_skipped=0 b_total=0 b_assemblies=0 in_block=0
one_re='(Passed|Failed)! +- +Failed: *([0-9]+), *Passed: *([0-9]+), *Skipped: *([0-9]+), *Total: *([0-9]+)'
while IFS= read -r line; do
    if [[ $line =~ $one_re ]]; then
        failed=$((failed + BASH_REMATCH[2]))
        passed=$((passed + BASH_REMATCH[3]))
        skipped=$((skipped + BASH_REMATCH[4]))
        total=$((total + BASH_REMATCH[5]))
        assemblies=$((assemblies + 1))
    elif [[ $line =~ ^Total\ tests:\ *([0-9]+) ]]; then
        b_total=$((b_total + BASH_REMATCH[1])); b_assemblies=$((b_assemblies + 1)); in_block=1
    elif [ $in_block = 1 ] && [[ $line =~ ^\ *(Passed|Failed|Skipped):\ *([0-9]+)\ *$ ]]; then
        case ${BASH_REMATCH[1]} in
            Passed) b_passed=$((b_passed + BASH_REMATCH[2])) ;;
            Failed) b_failed=$((b_failed + BASH_REMATCH[2])) ;;
            Skipped) b_skipped=$((b_skipped + BASH_REMATCH[2])) ;;
        esac
    else
        in_block=0
    fi
done < <(sed 's/\x1b\[[0-9;]*[A-Za-z]//g; s/\r$//' "$LOG")
if [ "$assemblies" -eq 0 ] && [ "$b_assemblies" -gt 0 ]; then
    passed=$b_passed failed=$b_failed skipped=$b_skipped total=$b_total assemblies=$b_assemblies
fi

rc=0
if [ "$dotnet_rc" -ne 0 ]; then
    say "dotnet test exited with $dotnet_rc"
    rc=$dotnet_rc
fi
if [ "$failed" -gt 0 ]; then
    rc=1
fi
if [ "$total" -eq 0 ]; then
    say "ERROR: no tests ran"
    rc=1
fi
say "$assemblies test assemblies, $total tests; log: ${LOG#"$ROOT"/}"

result="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && result+=", $skipped skipped"
echo "$result"
exit "$rc"
