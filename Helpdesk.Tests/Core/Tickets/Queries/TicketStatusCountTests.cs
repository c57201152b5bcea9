using System.Text;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Queries;

public sealed class TicketStatusCountTests
{
    [Fact]
    public async Task Triggers_CreateUpdateBulkInboundAndTeamDeletion_CountsEqualAGroupBy()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        });
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var (red, blue) = await AddTeamsAsync(host);
        var create = host.Get<CreateTicketCommand>();
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
            ids.Add(await create.ExecuteAsync(new NewTicket { Subject = $"Printer {i}", RequestedForId = caller.Id, TeamId = i % 3 == 0 ? null : i % 3 == 1 ? red : blue }, Actor.System));
        await AssertCountsMatchAsync(host);

        var details = (await host.Get<TicketDetailsQuery>().ExecuteAsync(ids[0], Actor.System))!;
        await host.Get<UpdateTicketCommand>().ExecuteAsync(details.AsUpdate() with { TeamId = blue, Status = TicketStatus.InProgress }, Actor.System);
        await AssertCountsMatchAsync(host);

        await using (var db = await host.DbAsync())
        {
            var targets = await db.Set<Ticket>().Where(t => ids.Skip(1).Take(3).Contains(t.Id)).Select(t => new BulkTicketTarget(t.Id, t.Version)).ToListAsync();
            await host.Get<BulkUpdateTicketsCommand>().ExecuteAsync(targets, new BulkTicketChange.Close(), Actor.System);
            targets = await db.Set<Ticket>().Where(t => ids.Skip(4).Contains(t.Id)).Select(t => new BulkTicketTarget(t.Id, t.Version)).ToListAsync();
            await host.Get<BulkUpdateTicketsCommand>().ExecuteAsync(targets, new BulkTicketChange.ChangeTeam(red), Actor.System);
        }
        await AssertCountsMatchAsync(host);

        var mail = Encoding.ASCII.GetBytes("From: dora@customer.test\r\nTo: support@helpdesk.test\r\nSubject: Scanner\r\nMessage-ID: <scan@customer.test>\r\n\r\nbody\r\n");
        await host.Get<InboundMailStore>().StoreAsync("imap", "1:1", mail, default);
        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);
        await AssertCountsMatchAsync(host, expectedTickets: 7);

        await using (var db = await host.DbAsync())
            await db.Set<Team>().Where(t => t.Id == red).ExecuteDeleteAsync();
        await AssertCountsMatchAsync(host, expectedTickets: 7);
    }

    [Fact]
    public async Task ExecuteAsync_TeamFilterAndStatuses_TotalAndCountsComeFromTheTableAndMatchTheTickets()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var (red, _) = await AddTeamsAsync(host);
        var create = host.Get<CreateTicketCommand>();
        for (var i = 0; i < 9; i++)
            await create.ExecuteAsync(new NewTicket { Subject = $"Printer {i}", RequestedForId = caller.Id, TeamId = i < 6 ? red : null,
                Status = i % 3 == 0 ? TicketStatus.Completed : TicketStatus.Assigned }, Actor.System);

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { TeamId = red, Statuses = [TicketStatus.Completed, TicketStatus.Completed] }, Actor.System);

        await using (var db = await host.DbAsync())
            Assert.True(TicketStatusCounts.FromTable(db, new TicketListRequest { TeamId = red }));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(new Dictionary<TicketStatus, int> { [TicketStatus.Assigned] = 4, [TicketStatus.Completed] = 2 }, page.StatusCounts);
    }

    private static async Task<(int Red, int Blue)> AddTeamsAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        var (red, blue) = (new Team { Name = "Red" }, new Team { Name = "Blue" });
        db.AddRange(red, blue);
        await db.SaveChangesAsync();
        return (red.Id, blue.Id);
    }

    private static async Task AssertCountsMatchAsync(CoreTestHost host, int? expectedTickets = null)
    {
        await using var db = await host.DbAsync();
        var grouped = await db.Set<Ticket>().GroupBy(t => new { TeamId = t.TeamId ?? TicketStatusCount.NoTeam, t.Status })
            .Select(g => new { g.Key.TeamId, g.Key.Status, Count = g.Count() }).ToListAsync();
        var kept = await db.Set<TicketStatusCount>().Where(c => c.Count != 0).ToListAsync();
        Assert.Equal(grouped.OrderBy(g => g.TeamId).ThenBy(g => g.Status).Select(g => (g.TeamId, g.Status, g.Count)),
            kept.OrderBy(c => c.TeamId).ThenBy(c => c.Status).Select(c => (c.TeamId, c.Status, c.Count)));
        if (expectedTickets is { } expected) Assert.Equal(expected, grouped.Sum(g => g.Count));
    }
}
