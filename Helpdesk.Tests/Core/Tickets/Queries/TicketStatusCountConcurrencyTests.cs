using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>
/// PostgreSQL keeps "TicketStatusCount" under concurrent writers (several console instances): each writer's changes
/// are applied at its commit in key order, so writers touching the same counts in opposite orders neither deadlock
/// nor lose a change.
/// </summary>
public sealed class TicketStatusCountConcurrencyTests
{
    private const int Writers = 8, Rounds = 6;

    [Fact]
    public async Task Triggers_ConcurrentWritersInOppositeOrdersOnPostgres_EveryCommitCountsAndNoneFails()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        int red, blue;
        await using (var db = await host.DbAsync())
        {
            var (redTeam, blueTeam) = (new Team { Name = "Red" }, new Team { Name = "Blue" });
            db.AddRange(redTeam, blueTeam);
            await db.SaveChangesAsync();
            (red, blue) = (redTeam.Id, blueTeam.Id);
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            int?[] teams = writer % 2 == 0 ? [red, blue, null] : [null, blue, red];
            for (var round = 0; round < Rounds; round++)
                await WriteRoundAsync(host, caller.Id, teams, rollBack: round == Rounds - 1 && writer % 4 == 0);
        })));

        await using var check = await host.DbAsync();
        var grouped = await check.Set<Ticket>().GroupBy(t => new { TeamId = t.TeamId ?? TicketStatusCount.NoTeam, t.Status })
            .Select(g => new { g.Key.TeamId, g.Key.Status, Count = g.Count() }).ToListAsync();
        var kept = await check.Set<TicketStatusCount>().Where(c => c.Count != 0).ToListAsync();
        Assert.Equal(grouped.OrderBy(g => g.TeamId).ThenBy(g => g.Status).Select(g => (g.TeamId, g.Status, g.Count)),
            kept.OrderBy(c => c.TeamId).ThenBy(c => c.Status).Select(c => (c.TeamId, c.Status, c.Count)));
        var rolledBack = Enumerable.Range(0, Writers).Count(w => w % 4 == 0);
        Assert.Equal((Writers * Rounds - rolledBack) * 3, grouped.Sum(g => g.Count));
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>("""SELECT COUNT(*)::int AS "Value" FROM "TicketStatusCountChange" """).SingleAsync());
    }

    // One transaction: a ticket per team in the writer's order, each saved alone, then the first one moved to the last
    // team and closed, so that two writers take the same counts in opposite orders while both are open.
    private static async Task WriteRoundAsync(CoreTestHost host, int callerId, int?[] teams, bool rollBack)
    {
        await using var db = await host.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var created = new List<Ticket>();
        foreach (var team in teams)
        {
            var ticket = new Ticket { Subject = "Printer", RequestedById = callerId, RequestedForId = callerId, TeamId = team, CreatedAt = now, UpdatedAt = now };
            db.Add(ticket);
            await db.SaveChangesAsync();
            created.Add(ticket);
            await Task.Delay(3);
        }
        (created[0].TeamId, created[0].Status) = (teams[^1], TicketStatus.Closed);
        await db.SaveChangesAsync();
        if (rollBack) await transaction.RollbackAsync();
        else await transaction.CommitAsync();
    }
}
