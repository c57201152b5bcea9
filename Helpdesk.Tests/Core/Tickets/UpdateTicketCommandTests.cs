using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class UpdateTicketCommandTests
{
    private static async Task<(CoreTestHost Host, TicketDetails Ticket, Person Agent)> ArrangeAsync()
    {
        var host = await CoreTestHost.StartAsync();
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
        return (host, (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!, agent);
    }


    [Fact]
    public async Task ExecuteAsync_StatusAndAssigneeChanged_AuditsEachFieldWithNames()
    {
        var (host, ticket, agent) = await ArrangeAsync();
        await using var _ = host;

        await host.Get<UpdateTicketCommand>().ExecuteAsync(
            ticket.AsUpdate() with { Status = TicketStatus.InProgress, MemberId = agent.Id }, CoreTestHost.AgentActor(agent));

        var after = (await host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!;
        Assert.Equal(TicketStatus.InProgress, after.Status);
        Assert.Equal(ticket.Version + 1, after.Version);
        Assert.Contains(after.Audit, a => a.Field == "status" && a.OldValue == "New" && a.NewValue == "In progress" && a.ActorName == "Ann Agent");
        Assert.Contains(after.Audit, a => a.Field == TicketFields.Member && a.OldValue == null && a.NewValue == "Ann Agent");
    }

    [Fact]
    public async Task ExecuteAsync_NewTicketGetsAMember_BecomesAssignedAndAuditsIt()
    {
        var (host, _, agent) = await ArrangeAsync();
        await using var _ = host;
        var caller = await host.AddPersonAsync("Nina New", "nina@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Nobody has me", RequestedForId = caller.Id, Status = TicketStatus.New }, Actor.System);
        var ticket = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

        await host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { MemberId = agent.Id }, CoreTestHost.AgentActor(agent));

        var after = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
        Assert.Equal(TicketStatus.Assigned, after.Status);
        Assert.Contains(after.Audit, a => a.Field == "status" && a.OldValue == "New" && a.NewValue == "Assigned");
    }

    [Fact]
    public async Task ExecuteAsync_NewTicketGetsATeamAndAnotherStatus_KeepsTheChosenStatus()
    {
        var (host, _, agent) = await ArrangeAsync();
        await using var _ = host;
        var caller = await host.AddPersonAsync("Nina New", "nina@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Nobody has me", RequestedForId = caller.Id, Status = TicketStatus.New }, Actor.System);
        var ticket = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

        await host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { MemberId = agent.Id, Status = TicketStatus.InProgress }, CoreTestHost.AgentActor(agent));

        Assert.Equal(TicketStatus.InProgress, (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.Status);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownHelpTopic_ThrowsFieldErrorAndKeepsTheTicket()
    {
        var (host, ticket, agent) = await ArrangeAsync();
        await using var _ = host;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<UpdateTicketCommand>().ExecuteAsync(
            ticket.AsUpdate() with { HelpTopicId = 4711 }, CoreTestHost.AgentActor(agent)));

        Assert.Equal("The help topic does not exist.", error.Errors[TicketFields.HelpTopic]);
        Assert.Equal(ticket.Version, (await host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!.Version);
    }

    [Fact]
    public async Task ExecuteAsync_StaleVersion_ThrowsConflictAndKeepsTheOtherSave()
    {
        var (host, ticket, agent) = await ArrangeAsync();
        await using var _ = host;
        var command = host.Get<UpdateTicketCommand>();
        await command.ExecuteAsync(ticket.AsUpdate() with { Subject = "VPN down for everyone" }, CoreTestHost.AgentActor(agent));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            command.ExecuteAsync(ticket.AsUpdate() with { Subject = "VPN fine again" }, Actor.System));

        Assert.Contains("Ann Agent", conflict.Message);
        Assert.Equal("VPN down for everyone", (await host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!.Subject);
    }

    [Fact]
    public async Task ExecuteAsync_Completed_SetsCompletedAtAndReopenClearsIt()
    {
        var (host, ticket, _) = await ArrangeAsync();
        await using var __ = host;
        var command = host.Get<UpdateTicketCommand>();

        var version = await command.ExecuteAsync(ticket.AsUpdate() with { Status = TicketStatus.Completed }, Actor.System);
        Assert.NotNull((await host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!.CompletedAt);

        await command.ExecuteAsync(ticket.AsUpdate() with { ExpectedVersion = version, Status = TicketStatus.Assigned }, Actor.System);
        Assert.Null((await host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!.CompletedAt);
    }

    [Fact]
    public async Task ExecuteAsync_DeletedTicket_ThrowsNotFound()
    {
        var (host, ticket, _) = await ArrangeAsync();
        await using var __ = host;

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { TicketId = 4242 }, Actor.System));

        Assert.Contains("HD-4242", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_NothingChanged_KeepsVersionAndWritesNoAudit()
    {
        var (host, ticket, _) = await ArrangeAsync();
        await using var __ = host;

        var version = await host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate(), Actor.System);

        Assert.Equal(ticket.Version, version);
        Assert.Equal(ticket.Audit.Count, (await host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!.Audit.Count);
    }
}
