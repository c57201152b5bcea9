using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Contacts;

public sealed class TicketContactCommandsTests
{
    private static async Task<(CoreTestHost Host, int TicketId, Person Agent, Person Caller)> ArrangeAsync(IDictionary<string, string?>? settings = null)
    {
        var host = await CoreTestHost.StartAsync(settings: settings);
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
        return (host, id, agent, caller);
    }

    [Fact]
    public async Task ExecuteAsync_KnownPerson_ListsAndAuditsTheContact()
    {
        var (host, id, agent, _) = await ArrangeAsync();
        await using var _ = host;
        var bob = await host.AddPersonAsync("Bob Boss", "bob@customer.test");

        await host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: bob.Id), CoreTestHost.AgentActor(agent));

        Assert.Equal([new PersonRef(bob.Id, "Bob Boss", "bob@customer.test")], await host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System));
        var audit = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.Audit;
        Assert.Contains(audit, a => a.Field == "contacts" && a.OldValue == null && a.NewValue == "Bob Boss <bob@customer.test>" && a.ActorName == "Ann Agent");
    }

    [Fact]
    public async Task ExecuteAsync_NewAddress_CreatesAnEndUserAndAddsThem()
    {
        var (host, id, agent, _) = await ArrangeAsync();
        await using var _ = host;

        await host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, Email: "dora@partner.test", Name: "Dora Partner"), CoreTestHost.AgentActor(agent));

        await using var db = await host.DbAsync();
        var dora = await db.Set<Person>().SingleAsync(p => p.PrimaryEmail == "dora@partner.test");
        Assert.Equal(("Dora Partner", PersonRoles.EndUser), (dora.Name, dora.Roles));
        Assert.Equal(dora.Id, Assert.Single(await host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System)).Id);
    }

    [Fact]
    public async Task ExecuteAsync_AddressOfAKnownPerson_AddsThatPersonWithoutCreatingAnother()
    {
        var (host, id, agent, _) = await ArrangeAsync();
        await using var _ = host;
        var bob = await host.AddPersonAsync("Bob Boss", "bob@customer.test");

        await host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, Email: "bob@customer.test"), CoreTestHost.AgentActor(agent));

        Assert.Equal(bob.Id, Assert.Single(await host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System)).Id);
        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.Set<Person>().CountAsync(p => p.PrimaryEmail == "bob@customer.test"));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("carl@customer.test")]
    public async Task ExecuteAsync_InvalidAddressOrTheRequester_IsRefused(string email)
    {
        var (host, id, agent, _) = await ArrangeAsync();
        await using var _ = host;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, Email: email), CoreTestHost.AgentActor(agent)));

        Assert.True(error.Errors.ContainsKey("contact"));
        Assert.Empty(await host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System));
    }

    [Fact]
    public async Task ExecuteAsync_SamePersonTwice_IsRefusedTheSecondTime()
    {
        var (host, id, agent, _) = await ArrangeAsync();
        await using var _ = host;
        var bob = await host.AddPersonAsync("Bob Boss", "bob@customer.test");
        await host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: bob.Id), CoreTestHost.AgentActor(agent));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: bob.Id), CoreTestHost.AgentActor(agent)));

        Assert.Contains("already a contact", error.Message);
    }

    [Fact]
    public async Task RemoveAsync_ListedContact_RemovesAndAuditsIt()
    {
        var (host, id, agent, _) = await ArrangeAsync();
        await using var _ = host;
        var bob = await host.AddPersonAsync("Bob Boss", "bob@customer.test");
        await host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: bob.Id), CoreTestHost.AgentActor(agent));

        await host.Get<RemoveTicketContactCommand>().ExecuteAsync(id, bob.Id, CoreTestHost.AgentActor(agent));

        Assert.Empty(await host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System));
        var audit = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.Audit;
        Assert.Contains(audit, a => a.Field == "contacts" && a.OldValue == "Bob Boss <bob@customer.test>" && a.NewValue == null && a.ActorName == "Ann Agent");
    }

    [Fact]
    public async Task Inbound_CcOnAReply_AddsTheContactAuditedBeforeTheReplyAllAutoresponse()
    {
        var (host, id, _, _) = await ArrangeAsync(new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Correspondence:NewMessageAutoresponseToCollaborators"] = "true",
        });
        await using var _ = host;
        await host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var reply = InboundTestMail.Create("carl@customer.test", "support@helpdesk.test", $"Re: HD-{id}", "Adding my boss.");
        reply.Cc.Add(MimeKit.MailboxAddress.Parse("bob@customer.test"));

        var (rowId, _) = await host.Get<InboundMailStore>().StoreAsync("t", "reply", reply.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(rowId, default);

        Assert.Equal("bob@customer.test", Assert.Single(await host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System)).Email);
        var audit = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.Audit;
        Assert.Contains(audit, a => a.Field == "contacts" && a.NewValue == "Bob Boss <bob@customer.test>" && a.Note == "On the Cc of the mail.");
        // Bob, Cc'd for the first time on this very mail, already gets the reply-all autoresponse it causes.
        await using var db = await host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAutoresponse);
        var recipients = await db.Set<OutboxMessage>().Where(m => m.Kind == kind).Select(m => m.To + " " + m.Cc).ToListAsync();
        Assert.Contains(recipients, r => r.Contains("bob@customer.test"));
    }
}
