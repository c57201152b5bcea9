using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Who may register requests by mail, and how often.</summary>
public sealed partial class InboundMailProcessorTests
{
    private static async Task DeactivateAsync(CoreTestHost host, string email)
    {
        await using var db = await host.DbAsync();
        await db.Set<Person>().Where(p => p.PrimaryEmail == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
    }

    [Fact]
    public async Task ProcessAsync_InactiveSenderWithCreatePolicy_IsRefusedWithNoticeAndNoSecondPerson()
    {
        await using var host = await StartAsync("CreatePerson");
        await host.AddPersonAsync("Olga Old", "olga@customer.test");
        await DeactivateAsync(host, "olga@customer.test");

        var row = await ReceiveAsync(InboundTestMail.Create("Olga@Customer.test", "support@helpdesk.test", "Still here", "Hello?"), host);

        Assert.Equal((InboundStatus.Ignored, (int?)null), (row.Status, row.TicketId));
        Assert.Contains("belongs to Olga Old, who is no longer active", row.Outcome);
        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.Set<Person>().CountAsync(p => p.PrimaryEmail == "olga@customer.test"));
        Assert.Equal(0, await db.Set<Ticket>().CountAsync());
        var notice = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(("olga@customer.test", "notice:inactive_sender"), (notice.To, notice.Kind));
        Assert.Contains("no longer active", notice.TextBody);
    }

    [Fact]
    public async Task ProcessAsync_AutomatedMailFromInactiveSender_IsRefusedWithoutNotice()
    {
        await using var host = await StartAsync("CreatePerson");
        await host.AddPersonAsync("Old Monitor", "nnm@monitoring.test", PersonRoles.Specialist);
        await DeactivateAsync(host, "nnm@monitoring.test");
        var mail = InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "web01 down", "x");
        mail.Headers.Add("Auto-Submitted", "auto-generated");

        var row = await ReceiveAsync(mail, host);

        Assert.Equal(InboundStatus.Ignored, row.Status);
        Assert.Contains("No automatic answer was sent", row.Outcome);
        await using var db = await host.DbAsync();
        Assert.Equal((1, 0), (await db.Set<Person>().CountAsync(p => p.PrimaryEmail == "nnm@monitoring.test"), await db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task ProcessAsync_RateCap_CountsOnlyTheSameAddressIgnoringCaseAndName()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:MaxMessagesPerSenderPerHour"] = "2",
        });
        await host.AddPersonAsync("Jim Bob", "jimbob@customer.test");
        await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        for (var i = 1; i <= 3; i++)
            await ReceiveAsync(InboundTestMail.Create("jimbob@customer.test", "support@helpdesk.test", $"Jim {i}", "x"), host);

        var bob = await ReceiveAsync(InboundTestMail.Create("bob@customer.test", "support@helpdesk.test", "Bob 1", "x"), host);
        await ReceiveAsync(InboundTestMail.Create("Bob Stone <bob@customer.test>", "support@helpdesk.test", "Bob 2", "x"), host);
        var third = await ReceiveAsync(InboundTestMail.Create("\"Stone, Bob\" <BOB@Customer.Test>", "support@helpdesk.test", "Bob 3", "x"), host);

        Assert.Equal(InboundStatus.Processed, bob.Status);
        Assert.Equal(InboundStatus.Ignored, third.Status);
        Assert.Contains("more than 2 mails from bob@customer.test", third.Outcome);
        Assert.Equal("bob@customer.test", third.SenderAddress);
    }

    private static Task<CoreTestHost> StartCappedAsync(int perHour) => CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:MaxMessagesPerSenderPerHour"] = perHour.ToString(),
    });

    [Fact]
    public async Task ProcessPendingAsync_RateCapWithinOneClaimedBatch_CountsTheMailsBeforeEachOneWithinTheHour()
    {
        await using var host = await StartCappedAsync(2);
        await host.AddPersonAsync("Jim Bob", "jimbob@customer.test");
        await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var store = host.Get<InboundMailStore>();
        var jim = new List<long>();
        // An hour and more before the batch: out of the window of every mail in it.
        jim.Add((await store.StoreAsync("test", "old", InboundTestMail.Create("jimbob@customer.test", "support@helpdesk.test", "Old", "x").Bytes(), default)).Id);
        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        for (var i = 1; i <= 4; i++)
        {
            jim.Add((await store.StoreAsync("test", $"jim-{i}", InboundTestMail.Create("jimbob@customer.test", "support@helpdesk.test", $"Jim {i}", "x").Bytes(), default)).Id);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var bob = (await store.StoreAsync("test", "bob", InboundTestMail.Create("bob@customer.test", "support@helpdesk.test", "Bob", "x").Bytes(), default)).Id;

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal([InboundStatus.Processed, InboundStatus.Processed, InboundStatus.Processed, InboundStatus.Ignored, InboundStatus.Ignored],
            jim.Select(id => rows[id].Status));
        Assert.Contains("more than 2 mails from jimbob@customer.test within an hour", rows[jim[3]].Outcome);
        Assert.Equal(InboundStatus.Processed, rows[bob].Status);
    }

    [Fact]
    public async Task ProcessPendingAsync_EarlierMailOfTheBatchStoredUnderAnotherSender_CountsUnderTheSenderItWasReadAs()
    {
        await using var host = await StartCappedAsync(1);
        await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var store = host.Get<InboundMailStore>();
        var first = (await store.StoreAsync("test", "1", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "One", "x").Bytes(), default)).Id;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await store.StoreAsync("test", "2", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Two", "x").Bytes(), default)).Id;
        // A row stored before senders were read as they are now: processing writes the sender it reads over this one.
        await using (var db = await host.DbAsync())
            await db.Set<InboundMessage>().Where(m => m.Id == first).ExecuteUpdateAsync(u => u.SetProperty(m => m.SenderAddress, "mailer-daemon@customer.test"));

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var after = await host.DbAsync();
        var rows = await after.Set<InboundMessage>().AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal((InboundStatus.Processed, "alice@customer.test"), (rows[first].Status, rows[first].SenderAddress));
        Assert.Equal(InboundStatus.Ignored, rows[second].Status);
        Assert.Contains("more than 1 mails from alice@customer.test", rows[second].Outcome);
    }
}
