using Helpdesk.Core.Accounts;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Writing;

/// <summary>Every ticket command asks TicketAccess through TicketWrite: console roles may, a login without one and strangers may not.</summary>
public sealed class TicketWriteAccessTests : IAsyncLifetime
{
    private CoreTestHost _host = null!;
    private Person _requester = null!;
    private Person _stranger = null!;
    private Person _colleague = null!;
    private int _ticketId;

    public static TheoryData<string> Roles() => [.. ConsoleRoles.All];

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _requester = await _host.AddPersonAsync("Bob Stone", "bob@customer.test");
        _stranger = await _host.AddPersonAsync("Eve", "eve@elsewhere.test");
        _colleague = await _host.AddPersonAsync("Cat Stone", "cat@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = _requester.Id }, Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Actor Role(string role) => Actor.Agent(null, role + " Ann", [role]);
    private static readonly Actor NoConsoleRole = Actor.Agent(null, "Nobody", []);
    private static Actor Customer(Person person) => new(person.Id, person.Name, ActorKind.Customer);

    private Task<int> CreateAsync(Actor actor) =>
        _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Another", RequestedForId = _requester.Id }, actor);

    private async Task<int> UpdateAsync(Actor actor)
    {
        var details = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!;
        return await _host.Get<UpdateTicketCommand>().ExecuteAsync(details.AsUpdate() with { Subject = "Printer on fire" }, actor);
    }

    private Task<long> AppendAsync(Actor actor, CaseLogKind log) =>
        _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = _ticketId, Log = log, Text = "Hello" }, actor);

    private Task AddContactAsync(Actor actor) =>
        _host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(_ticketId, _colleague.Id), actor);

    private async Task<int> ChangeRowsAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<TicketChange>().CountAsync();
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Commands_ConsoleRole_MayDoEveryChange(string role)
    {
        var actor = Role(role);

        await CreateAsync(actor);
        await UpdateAsync(actor);
        await AppendAsync(actor, CaseLogKind.Public);
        await AppendAsync(actor, CaseLogKind.Private);
        await AddContactAsync(actor);
        await _host.Get<RemoveTicketContactCommand>().ExecuteAsync(_ticketId, _colleague.Id, actor);

        Assert.Equal(7, await ChangeRowsAsync()); // the first ticket's creation, then one row per change
    }

    [Fact]
    public async Task Commands_LoginWithoutConsoleRole_AreRefusedWithASentenceAndChangeNothing()
    {
        var number = TicketNumber.Format(_ticketId);

        Assert.Equal("You may not open tickets.", (await Assert.ThrowsAsync<AccessDeniedException>(() => CreateAsync(NoConsoleRole))).Message);
        Assert.Equal($"You may not change ticket {number}.", (await Assert.ThrowsAsync<AccessDeniedException>(() => UpdateAsync(NoConsoleRole))).Message);
        Assert.Equal($"You may not add to the public log of ticket {number}.",
            (await Assert.ThrowsAsync<AccessDeniedException>(() => AppendAsync(NoConsoleRole, CaseLogKind.Public))).Message);
        Assert.Equal($"You may not change the contacts of ticket {number}.",
            (await Assert.ThrowsAsync<AccessDeniedException>(() => AddContactAsync(NoConsoleRole))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Get<RemoveTicketContactCommand>().ExecuteAsync(_ticketId, _colleague.Id, NoConsoleRole));

        var details = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!;
        Assert.Equal(("Printer", 0), (details.Subject, details.Version));
        Assert.Empty(details.PublicLog);
        Assert.Equal(1, await ChangeRowsAsync());
    }

    [Fact]
    public async Task BulkUpdate_LoginWithoutConsoleRole_ReportsTheRefusalPerTicket()
    {
        var details = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!;

        var result = await _host.Get<BulkUpdateTicketsCommand>().ExecuteAsync(
            [new BulkTicketTarget(_ticketId, details.Version)], new BulkTicketChange.Assign(null), NoConsoleRole);

        Assert.Empty(result.Updated);
        Assert.Equal($"You may not change ticket {TicketNumber.Format(_ticketId)}.", Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public async Task AppendCaseLogEntry_Customer_AddsOnlyAPublicEntryToTheirOwnTicket()
    {
        await AppendAsync(Customer(_requester), CaseLogKind.Public);

        await Assert.ThrowsAsync<AccessDeniedException>(() => AppendAsync(Customer(_requester), CaseLogKind.Private));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AppendAsync(Customer(_stranger), CaseLogKind.Public));
        await Assert.ThrowsAsync<AccessDeniedException>(() => UpdateAsync(Customer(_requester)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AddContactAsync(Customer(_requester)));
        var details = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!;
        Assert.Single(details.PublicLog);
        Assert.Empty(details.PrivateLog);
    }

    [Fact]
    public async Task AppendCaseLogEntry_StrangerAuthorizedByTheSystem_AddsTheEntryInTheirName()
    {
        await AppendAsync(Customer(_stranger) with { AuthorizedBy = Actor.System }, CaseLogKind.Public);

        var entry = Assert.Single((await _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!.PublicLog);
        Assert.Equal("Eve", entry.AuthorName);
    }

    [Fact]
    public async Task ExecuteAsync_AnyChange_AppendsOneChangeRowWithActorOriginAndVersion()
    {
        var agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);

        var version = await UpdateAsync(CoreTestHost.AgentActor(agent) with { Origin = "circuit-1" });

        await using var db = await _host.DbAsync();
        var row = await db.Set<TicketChange>().OrderBy(c => c.Id).LastAsync();
        Assert.Equal((_ticketId, Helpdesk.Core.Tickets.Events.TicketChangeKind.Updated, agent.Id, "circuit-1", version, _host.Clock.GetUtcNow().UtcDateTime),
            (row.TicketId, row.Kind, row.ActorId, row.Origin, row.TicketVersion, row.At));
    }
}
