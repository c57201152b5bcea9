using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// Server time of the product's TicketListQuery on a database seeded with many tickets, per list request, beside the
/// best raw SQL for the same answer (<see cref="TicketListCeiling"/>); both answers are checked to be the same first.
/// "counts" is the product's counts-per-status statement alone, timed through EF's diagnostics. On PostgreSQL
/// (scenario list-query-pg) the same tickets are seeded by binary COPY and the ceiling is <see cref="TicketListCeilingPostgres"/>.
/// </summary>
public static class ListQuery
{
    public const string Scenario = "list-query";
    public const string PostgresScenario = "list-query-pg";
    /// <summary>Timings per request: a p95 of 20 is the second-slowest of them, one hiccup of the machine.</summary>
    public const int DefaultSamples = 200;
    private const double GoalMs = 2, TextGoalMs = 25;
    private const string DatabaseFile = "helpdesk.db";
    private static readonly TimeSpan SampleTime = TimeSpan.FromSeconds(8);
    private const int StatementSamples = 50;

    public static async Task<IReadOnlyList<LatencyComparison>> MeasureAsync(int tickets, int samples, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var cached = provider == DatabaseProvider.Sqlite ? SeededDatabaseCache.PathFor("list", tickets) : null;
        var restored = cached is not null && File.Exists(cached);
        // A cached seeded database goes where the host will open it, before it starts (and finds it migrated).
        await using var host = await CoreTestHost.StartAsync(provider: provider,
            configure: restored ? builder => File.Copy(cached!, Path.Combine(builder.Configuration["Helpdesk:DataFolder"]!, DatabaseFile)) : null);
        var (team, ceiling) = await SeedAsync(host, tickets, restored ? null : cached);
        using var _ = ceiling;
        var scenario = provider == DatabaseProvider.PostgreSQL ? PostgresScenario : Scenario;
        var query = host.Get<TicketListQuery>();
        var cases = new (string Name, TicketListRequest Request, Func<ListAnswer> Ceiling, double GoalMs)[]
        {
            ("page 1, default sort", new TicketListRequest(), ceiling.Default, GoalMs),
            ("status filter", new TicketListRequest { Statuses = [TicketStatus.InProgress] }, () => ceiling.ByStatus(TicketStatus.InProgress), GoalMs),
            ("team filter", new TicketListRequest { TeamId = team }, () => ceiling.ByTeam(team), GoalMs),
            ($"text search \"{TicketListSeed.SearchTerm}\"", new TicketListRequest { Text = TicketListSeed.SearchTerm }, () => ceiling.ByText(TicketListSeed.SearchTerm), TextGoalMs),
        };
        var results = new List<LatencyComparison>();
        foreach (var (name, request, ceilingAnswer, goal) in cases)
        {
            CheckSameAnswer(name, await query.ExecuteAsync(request, Actor.System), ceilingAnswer());
            await WarmUpAsync(() => query.ExecuteAsync(request, Actor.System), () => Task.FromResult(ceilingAnswer()), samples);
            var jitBefore = WarmUp.JitTotals();
            var product = await Latency.SampleAsync(() => query.ExecuteAsync(request, Actor.System), samples, SampleTime);
            var jit = WarmUp.Since(jitBefore);
            var best = await Latency.SampleAsync(() => Task.FromResult(ceilingAnswer()), samples, SampleTime);
            // Statements are timed in runs of their own: the diagnostics that time them cost time of their own.
            var statements = new List<(string Sql, TimeSpan Duration)>();
            for (var i = 0; i < Math.Min(samples, StatementSamples); i++)
                statements.AddRange((await EfCommands.RecordAsync(() => query.ExecuteAsync(request, Actor.System))).Select(c => (c.Sql, c.Duration)));
            results.Add(new LatencyComparison(scenario, name, product, best, goal, $"p95 ≤ {goal:0} ms",
                Breakdown: $"{StatementMedians(statements)}; JIT during the timed runs {jit}"));
        }
        results.Add(await CountsAsync(scenario, query, ceiling, samples));
        return results;
    }

    // Timed like a console that has served lists all day, not code the JIT has just met: rounds of both until a round
    // leaves the JIT quiet (WarmUp). A smoke run (a few samples) measures nothing and runs one round without waiting.
    private static async Task WarmUpAsync(Func<Task> product, Func<Task> ceiling, int samples)
    {
        var perRound = Math.Min(samples, 100);
        async Task Round(int _)
        {
            for (var i = 0; i < perRound; i++)
            {
                await product();
                await ceiling();
            }
        }
        if (samples < 100) await Round(0);
        else await new WarmUp(perRound, MaxRounds: 8).RunAsync(Round);
    }

    /// <param name="cacheAs">Where to keep the seeded SQLite database for the next run; null when it was restored from there (or outside bench.sh).</param>
    private static async Task<(int FirstTeam, IListCeiling Ceiling)> SeedAsync(CoreTestHost host, int tickets, string? cacheAs)
    {
        if (host.Provider == DatabaseProvider.PostgreSQL)
        {
            var connection = host.DatabaseSettings["ConnectionStrings:Helpdesk"]!;
            return (await TicketListSeedPostgres.FillAsync(connection, tickets), await TicketListCeilingPostgres.PrepareAsync(connection));
        }
        var database = Path.Combine(host.DataFolder, DatabaseFile);
        var firstTeam = TicketListSeed.FirstTeam(database) ?? TicketListSeed.Fill(database, tickets);
        if (cacheAs is not null) SeededDatabaseCache.Store(database, cacheAs, "list", tickets);
        var copy = Path.Combine(host.DataFolder, "ceiling.db");
        if (SeededDatabaseCache.PathFor("ceiling", tickets, TicketListCeiling.SetupSql) is not { } cachedCeiling)
            return (firstTeam, TicketListCeiling.Prepare(database, copy));
        if (!File.Exists(cachedCeiling))
        {
            TicketListCeiling.Prepare(database, copy).Dispose();
            SeededDatabaseCache.Store(copy, cachedCeiling, "ceiling", tickets);
        }
        else File.Copy(cachedCeiling, copy, overwrite: true);
        return (firstTeam, TicketListCeiling.Open(copy));
    }

    private static async Task<LatencyComparison> CountsAsync(string scenario, TicketListQuery query, IListCeiling ceiling, int samples)
    {
        var product = await Latency.SampleTimedAsync(async () =>
        {
            var commands = await EfCommands.RecordAsync(() => query.ExecuteAsync(new TicketListRequest(), Actor.System));
            var counts = commands.Where(c => c.Sql.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase)).ToList();
            if (counts.Count != 1) throw new InvalidOperationException($"Expected one GROUP BY statement for the counts, saw {counts.Count} of {commands.Count} statements.");
            return counts[0].Duration.TotalMilliseconds;
        }, samples, SampleTime);
        var best = await Latency.SampleAsync(() => Task.FromResult(ceiling.StatusCounts()), samples, SampleTime);
        return new LatencyComparison(scenario, "counts per status", product, best, GoalMs, $"p95 ≤ {GoalMs:0} ms");
    }

    // The list runs counts per status (GROUP BY: from the counts table, or over the matches of a text search; a text
    // search may read the table as well), a total (COUNT) if it needs one, and the page; on PostgreSQL a text search
    // first reads its matches outside the ticket rows (case-log entries, requesters by name: the only statement on the
    // search index, no ORDER BY), and then, for most sorts, the matched tickets' status and sort keys once for the counts and the
    // page's ids (MatchedTicketsPage: the ticket rows' words, without the people the page joins).
    private static string StatementMedians(IEnumerable<(string Sql, TimeSpan Duration)> statements)
    {
        static string Kind(string sql) => sql.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase)
                ? sql.Contains("FROM \"TicketStatusCount\"", StringComparison.Ordinal) ? "counts table" : "counts"
            : sql.Contains("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase) ? "total"
            : sql.Contains("\"Words\" @@", StringComparison.Ordinal) && !sql.Contains("\"Person\"", StringComparison.Ordinal) ? "matched tickets"
            : sql.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase) ? "page"
            : sql.Contains("\"TicketSearch\"", StringComparison.Ordinal) ? "other matches"
            : "other";
        var medians = statements.GroupBy(s => Kind(s.Sql)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {Latency.Format(new Latency(g.Select(s => s.Duration.TotalMilliseconds).ToList()).Median)}");
        return "SQL medians: " + string.Join(", ", medians);
    }

    private static void CheckSameAnswer(string name, TicketListResult product, ListAnswer ceiling)
    {
        var sameCounts = product.StatusCounts.Count == ceiling.Counts.Count
            && product.StatusCounts.All(c => ceiling.Counts.GetValueOrDefault(c.Key) == c.Value);
        if (product.TotalCount != ceiling.Total || !sameCounts || !product.Items.Select(i => i.Id).SequenceEqual(ceiling.PageIds))
            throw new InvalidOperationException($"{name}: the ceiling's SQL answers differently (total {ceiling.Total} vs {product.TotalCount}, " +
                $"page {string.Join(",", ceiling.PageIds.Take(5))}… vs {string.Join(",", product.Items.Take(5).Select(i => i.Id))}…); it would not be a fair ceiling.");
    }
}
