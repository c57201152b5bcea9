using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Notifications;

/// <summary>The composer's To and Cc come from the reply's email action queries, so what the agent sees is what is sent.</summary>
public sealed class ReplyRecipientsQueryTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        var agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var boss = await _host.AddPersonAsync("Bob Boss", "bob@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id, MemberId = agent.Id }, Actor.System);
        await _host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(_ticketId, PersonId: boss.Id), Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SetActionAsync(ActionStatus status, string? cc = "SELECT Person WHERE id IN :this->contacts_list", string? bcc = null)
    {
        await using var db = await _host.DbAsync();
        await db.Set<EmailAction>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.Cc, cc).SetProperty(a => a.Bcc, bcc));
    }

    [Fact]
    public async Task ExecuteAsync_ActiveAction_ToAndCcAsTheQueriesGiveWithoutTheBcc()
    {
        await SetActionAsync(ActionStatus.Active, bcc: "SELECT Person WHERE id = :this->agent_id");

        var prefill = await _host.Get<ReplyRecipientsQuery>().ExecuteAsync(_ticketId, Actor.System);

        Assert.NotNull(prefill);
        Assert.Equal(["carl@customer.test"], prefill.Shown.To);
        Assert.Equal(["bob@customer.test"], prefill.Shown.Cc);
        Assert.False(prefill.GoesToTestRecipient);
    }

    [Fact]
    public async Task ExecuteAsync_ActionWithoutCcQuery_ShowsNoContactInCc()
    {
        await SetActionAsync(ActionStatus.Active, cc: null);

        var prefill = await _host.Get<ReplyRecipientsQuery>().ExecuteAsync(_ticketId, Actor.System);

        Assert.Equal(["carl@customer.test"], prefill!.Shown.To);
        Assert.Empty(prefill.Shown.Cc);
    }

    [Fact]
    public async Task ExecuteAsync_SeededActionInTest_ShowsTheRealRecipientsAndSaysTheTestRecipientGetsTheMail()
    {
        var prefill = await _host.Get<ReplyRecipientsQuery>().ExecuteAsync(_ticketId, Actor.System);

        Assert.NotNull(prefill);
        Assert.Equal(["carl@customer.test"], prefill.Shown.To);
        Assert.Equal(["bob@customer.test"], prefill.Shown.Cc);
        Assert.True(prefill.GoesToTestRecipient);
    }

    [Fact]
    public async Task ExecuteAsync_InactiveAction_None()
    {
        await SetActionAsync(ActionStatus.Inactive);

        Assert.Null(await _host.Get<ReplyRecipientsQuery>().ExecuteAsync(_ticketId, Actor.System));
    }

    [Fact]
    public async Task ExecuteAsync_LoginWithoutConsoleRole_None()
    {
        await SetActionAsync(ActionStatus.Active);

        Assert.Null(await _host.Get<ReplyRecipientsQuery>().ExecuteAsync(_ticketId, Actor.Agent(null, "Nobody", [])));
    }
}
