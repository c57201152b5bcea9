using System.Collections.Concurrent;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class BulkUpdateTicketsCommandTests
{
    private static async Task<(CoreTestHost Host, Person Agent, List<BulkTicketTarget> Targets)> ArrangeAsync(int count)
    {
        var host = await CoreTestHost.StartAsync();
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var targets = new List<BulkTicketTarget>();
        for (var i = 0; i < count; i++)
        {
            var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = $"Printer {i}", RequestedForId = caller.Id }, Actor.System);
            targets.Add(new BulkTicketTarget(id, 0));
        }
        await using var db = await host.DbAsync();
        var versions = await db.Set<Ticket>().ToDictionaryAsync(t => t.Id, t => t.Version);
        return (host, agent, [.. targets.Select(t => t with { Version = versions[t.TicketId] })]);
    }

    [Fact]
    public async Task ExecuteAsync_AssignThree_EachIsAuditedAndPublishesOneChange()
    {
        var (host, agent, targets) = await ArrangeAsync(3);
        await using var _ = host;
        var changes = new ConcurrentBag<TicketChanged>();
        using var subscription = host.Get<ITicketChangeFeed>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });

        var result = await host.Get<BulkUpdateTicketsCommand>().ExecuteAsync(targets, new BulkTicketChange.Assign(agent.Id), CoreTestHost.AgentActor(agent));

        Assert.Equal(targets.Select(t => t.TicketId), result.Updated);
        Assert.Empty(result.Failures);
        await using var db = await host.DbAsync();
        Assert.All(await db.Set<Ticket>().ToListAsync(), t => Assert.Equal(agent.Id, t.MemberId));
        Assert.Equal(3, await db.Set<TicketAuditEntry>().CountAsync(a => a.Field == TicketFields.Member && a.NewValue == "Ann Agent"));
        await Eventually.WaitUntilAsync(() => changes.Count(c => c.Kind == TicketChangeKind.Updated) >= 3);
        Assert.Equal(targets.Select(t => t.TicketId).Order(), changes.Where(c => c.Kind == TicketChangeKind.Updated).Select(c => c.TicketId).Order());
    }

    [Fact]
    public async Task ExecuteAsync_OneTicketChangedMeanwhile_ReportsItAndUpdatesTheOthers()
    {
        var (host, agent, targets) = await ArrangeAsync(3);
        await using var _ = host;
        var meanwhile = (await host.Get<TicketDetailsQuery>().ExecuteAsync(targets[1].TicketId, Actor.System))!;
        await host.Get<UpdateTicketCommand>().ExecuteAsync(meanwhile.AsUpdate() with { Subject = "Printer on fire" }, Actor.System);

        var result = await host.Get<BulkUpdateTicketsCommand>().ExecuteAsync(targets, new BulkTicketChange.Close(), CoreTestHost.AgentActor(agent));

        Assert.Equal([targets[0].TicketId, targets[2].TicketId], result.Updated);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(targets[1].TicketId, failure.TicketId);
        Assert.Contains("was changed by", failure.Reason);
        await using var db = await host.DbAsync();
        var statuses = await db.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Status).ToListAsync();
        Assert.Equal(TicketStatus.Closed, statuses[0]);
        Assert.NotEqual(TicketStatus.Closed, statuses[1]);
        Assert.Equal(TicketStatus.Closed, statuses[2]);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownTeam_ReportsTheValidationMessagePerTicket()
    {
        var (host, agent, targets) = await ArrangeAsync(2);
        await using var _ = host;

        var result = await host.Get<BulkUpdateTicketsCommand>().ExecuteAsync(targets, new BulkTicketChange.ChangeTeam(9999), CoreTestHost.AgentActor(agent));

        Assert.Empty(result.Updated);
        Assert.Equal(2, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
    }
}
