using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.CaseLog;

/// <summary>The To and Cc an agent chooses for a reply: they decide the mail, and new addresses become contacts.</summary>
public sealed class EntryRecipientsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _agent = default!;
    private Person _caller = default!;
    private Person _boss = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:PublicUrl"] = "https://hd.example.test" });
        _agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _boss = await _host.AddPersonAsync("Bob Boss", "bob@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = _caller.Id, MemberId = _agent.Id }, Actor.System);
        await _host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(_ticketId, PersonId: _boss.Id), Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SetStatusAsync(ActionStatus status)
    {
        await using var db = await _host.DbAsync();
        await db.Set<EmailAction>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status));
    }

    private Task AppendAsync(EntryRecipients? recipients, CaseLogKind log = CaseLogKind.Public) =>
        _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = log, Text = "We reset your VPN profile.", SendEmail = true, Recipients = recipients,
        }, CoreTestHost.AgentActor(_agent));

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Kind == "email_action").ToListAsync();
    }

    [Fact]
    public async Task Append_ChosenToAndCc_OneMailToExactlyThemAndTheNewCcBecomesAContact()
    {
        await SetStatusAsync(ActionStatus.Active);

        // Bob (a contact) is left out; a new address is copied.
        await AppendAsync(new EntryRecipients(["carl@customer.test"], [" dana@partner.test "]));

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Carl Caller\" <carl@customer.test>", mail.To);
        Assert.Equal("\"dana@partner.test\" <dana@partner.test>", mail.Cc);
        Assert.Contains("dana@partner.test: Cc — chosen by the agent", mail.RecipientReasons);
        var contacts = await _host.Get<TicketContactsQuery>().ExecuteAsync(_ticketId, Actor.System);
        Assert.Equal(["bob@customer.test", "dana@partner.test"], contacts.Select(c => c.Email).Order());
    }

    [Fact]
    public async Task Append_NoChosenRecipients_TheSeededActionsQueriesMailTheCallerAndCopyTheContacts()
    {
        await SetStatusAsync(ActionStatus.Active);

        await AppendAsync(null);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal(("\"Carl Caller\" <carl@customer.test>", "\"Bob Boss\" <bob@customer.test>"), (mail.To, mail.Cc));
    }

    [Fact]
    public async Task Append_ChosenToAndCc_TheActionsBccQueryStillApplies()
    {
        await SetStatusAsync(ActionStatus.Active);
        await using (var db = await _host.DbAsync())
            await db.Set<EmailAction>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Bcc, "SELECT Person WHERE id = :this->agent_id"));

        await AppendAsync(new EntryRecipients(["carl@customer.test"], []));

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal(("\"Carl Caller\" <carl@customer.test>", ""), (mail.To, mail.Cc));
        Assert.Equal("\"Ann Agent\" <ann@helpdesk.test>", mail.Bcc);
    }

    [Fact]
    public async Task Append_ChosenRecipientsWhileTheActionIsInTest_MailsOnlyTheTestRecipient()
    {
        await AppendAsync(new EntryRecipients(["carl@customer.test"], ["bob@customer.test"]));

        var mail = Assert.Single(await OutboxAsync());
        Assert.True(mail.IsTest);
        Assert.DoesNotContain("customer.test", mail.To + mail.Cc);
    }

    [Theory]
    [InlineData("carl@customer.test", "not an address", "cc")]
    [InlineData("", "bob@customer.test", "to")]
    public async Task Append_BadRecipients_RefusedNamingTheFieldAndNothingIsAdded(string to, string cc, string field)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AppendAsync(new EntryRecipients(to == "" ? [] : [to], [cc])));

        Assert.Equal(field, Assert.Single(error.Errors).Key);
        await using var db = await _host.DbAsync();
        Assert.False(await db.Set<CaseLogEntry>().AnyAsync());
    }

    [Fact]
    public async Task Append_RecipientsOnAPrivateNote_AreIgnored()
    {
        await AppendAsync(new EntryRecipients(["carl@customer.test"], ["eve@elsewhere.test"]), CaseLogKind.Private);

        Assert.DoesNotContain("eve@elsewhere.test", (await _host.Get<TicketContactsQuery>().ExecuteAsync(_ticketId, Actor.System)).Select(c => c.Email));
    }
}
