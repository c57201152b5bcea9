using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Fetching;

/// <summary>Mail to the configured account address, fetched from that same mailbox over the real Postfix + Dovecot.</summary>
[Trait("Category", "MailStack")]
public sealed class AccountMailboxTests : IAsyncLifetime
{
    private readonly string _account = $"support-{Guid.NewGuid():N}@helpdesk.test";
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = _account,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private MailboxOptions Mailbox(MailboxKind kind) => MailStackServer.Mailbox(kind, _account, "account-" + kind.ToString().ToLowerInvariant());

    private async Task SendToAccountAsync(string subject)
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", _account, subject, "Sent to the account."));
        Assert.Equal(1, await MailStackServer.WaitForCountAsync(_account, 1, TimeSpan.FromSeconds(10)));
    }

    private async Task<(List<Ticket> Tickets, List<InboundMessage> Rows)> StateAsync()
    {
        await using var db = await _host.DbAsync();
        return (await db.Set<Ticket>().AsNoTracking().ToListAsync(), await db.Set<InboundMessage>().AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task ImapFetch_MailToAccountAddress_BecomesARequestForTheAccount()
    {
        await SendToAccountAsync("Printer jammed");

        await _host.Get<ImapFetcher>().FetchAsync(Mailbox(MailboxKind.Imap), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        var (tickets, rows) = await StateAsync();
        Assert.Equal(("Printer jammed", TicketSources.Email), (Assert.Single(tickets).Subject, tickets[0].Source));
        Assert.Contains("sent to the account address", Assert.Single(rows).Outcome);
    }

    [Fact]
    public async Task Pop3Fetch_MailToAccountAddress_BecomesARequestForTheAccount()
    {
        await SendToAccountAsync("Screen flickers");

        await _host.Get<Pop3Fetcher>().FetchAsync(Mailbox(MailboxKind.Pop3), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        var (tickets, rows) = await StateAsync();
        Assert.Equal("Screen flickers", Assert.Single(tickets).Subject);
        Assert.Contains("sent to the account address", Assert.Single(rows).Outcome);
        Assert.Equal(0, await MailStackServer.CountAsync(_account));
    }

    [Fact]
    public async Task ImapFetch_CrashBetweenCommitAndFlagInTheSameMailbox_MakesExactlyOneTicket()
    {
        await SendToAccountAsync("Crash between commit and flag");
        var (uidValidity, messages) = await MailStackServer.UidsAsync(_account);
        var (uid, _) = Assert.Single(messages);
        var raw = InboundTestMail.Bytes(Assert.Single(await MailStackServer.ReadAllAsync(_account)));
        // The earlier run committed the row under this mailbox and UID, and its ticket was made; then it died before \Seen.
        await _host.Get<InboundMailStore>().StoreAsync(Mailbox(MailboxKind.Imap).Name, $"{uidValidity}:{uid}", raw, default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        var stored = await _host.Get<ImapFetcher>().FetchAsync(Mailbox(MailboxKind.Imap), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        Assert.Empty(stored);
        var (tickets, rows) = await StateAsync();
        Assert.Single(tickets);
        Assert.Single(rows);
        Assert.True(Assert.Single((await MailStackServer.UidsAsync(_account)).Messages).Seen);
    }
}
