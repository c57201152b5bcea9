using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Security;

public sealed class TicketAccessTests
{
    public static TheoryData<string, TicketOperation, bool> ConsoleRoleCases()
    {
        var data = new TheoryData<string, TicketOperation, bool>();
        foreach (var role in ConsoleRoles.All)
        {
            foreach (var operation in Enum.GetValues<TicketOperation>())
                data.Add(role, operation, operation != TicketOperation.ViewRawMail || role == ConsoleRoles.Administrator);
        }
        return data;
    }

    [Fact]
    public void ListScopeOf_EveryConsoleRoleAndTheSystem_SeeAllTicketsOthersNone()
    {
        Assert.All(ConsoleRoles.All, role => Assert.Equal(TicketListScope.AllTickets, TicketAccess.ListScopeOf(Actor.Agent(1, "Ann", [role]))));
        Assert.Equal(TicketListScope.AllTickets, TicketAccess.ListScopeOf(Actor.System));
        Assert.Equal(TicketListScope.NoTickets, TicketAccess.ListScopeOf(Actor.Agent(1, "Ann", [])));
        Assert.Equal(TicketListScope.NoTickets, TicketAccess.ListScopeOf(new Actor(2, "Bob", ActorKind.Customer)));
    }

    [Theory]
    [MemberData(nameof(ConsoleRoleCases))]
    public async Task AllowsAsync_ConsoleRole_WorksEveryTicketButOnlyAdministratorsOpenRawMail(string role, TicketOperation operation, bool expected)
    {
        await using var host = await CoreTestHost.StartAsync();
        var ticketId = await NewTicketAsync(host);
        await using var db = await host.DbAsync();

        Assert.Equal(expected, await TicketAccess.AllowsAsync(db, Actor.Agent(1, "Ann", [role]), ticketId, operation, default));
    }

    [Fact]
    public async Task DemandAsync_LoginWithoutConsoleRole_IsRefusedWithASentence()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ticketId = await NewTicketAsync(host);
        await using var db = await host.DbAsync();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            TicketAccess.DemandAsync(db, Actor.Agent(1, "Nobody", []), ticketId, TicketOperation.View, default));
        Assert.Equal($"You may not see ticket {Helpdesk.Core.Tickets.TicketNumber.Format(ticketId)}.", error.Message);
    }

    [Theory]
    [InlineData(TicketOperation.View, true)]
    [InlineData(TicketOperation.AppendPublicEntry, true)]
    [InlineData(TicketOperation.ViewPrivateLog, false)]
    [InlineData(TicketOperation.ViewHistory, false)]
    [InlineData(TicketOperation.ViewRawMail, false)]
    [InlineData(TicketOperation.ChangeFields, false)]
    [InlineData(TicketOperation.AppendPrivateEntry, false)]
    [InlineData(TicketOperation.ManageContacts, false)]
    public async Task AllowsAsync_Customer_SeesAndAnswersOnlyTheirOwnTicketsPublicConversation(TicketOperation operation, bool expected)
    {
        await using var host = await CoreTestHost.StartAsync();
        var requester = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var contact = await host.AddPersonAsync("Cat Stone", "cat@customer.test");
        var stranger = await host.AddPersonAsync("Eve", "eve@elsewhere.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = requester.Id }, Actor.System);
        await using var db = await host.DbAsync();
        db.Add(new TicketCollaborator { TicketId = ticketId, PersonId = contact.Id });
        await db.SaveChangesAsync();

        Assert.Equal(expected, await TicketAccess.AllowsAsync(db, Customer(requester), ticketId, operation, default));
        Assert.Equal(expected, await TicketAccess.AllowsAsync(db, Customer(contact), ticketId, operation, default));
        Assert.False(await TicketAccess.AllowsAsync(db, Customer(stranger), ticketId, operation, default));
    }

    private static Actor Customer(Helpdesk.Core.People.Person person) => new(person.Id, person.Name, ActorKind.Customer);

    private static async Task<int> NewTicketAsync(CoreTestHost host)
    {
        var caller = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        return await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = caller.Id }, Actor.System);
    }
}
