using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed partial class InboundMailProcessorTests
{
    [Fact]
    public async Task ProcessAsync_SameBytesFromAnotherMailbox_EndsAsDuplicateRowWithoutSecondRequest()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Once", "Only once.");
        var store = _host.Get<InboundMailStore>();

        var first = await store.StoreAsync("imap", "1:10", mail.Bytes(), default);
        var again = await store.StoreAsync("imap", "1:10", mail.Bytes(), default);
        var otherMailbox = await store.StoreAsync("pop3", "uidl-7", mail.Bytes(), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        Assert.Equal((first.Id, false), again);
        Assert.True(otherMailbox.IsNew && otherMailbox.Id != first.Id);
        await using var db = await _host.DbAsync();
        var duplicate = await db.Set<InboundMessage>().SingleAsync(m => m.Id == otherMailbox.Id);
        Assert.Equal((InboundStatus.Ignored, (int?)null), (duplicate.Status, duplicate.TicketId));
        Assert.StartsWith($"Duplicate of #{first.Id}:", duplicate.Outcome);
        Assert.Equal(1, await db.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task ProcessAsync_ReusedMessageIdWithOtherContent_CreatesItsOwnRequestAndSaysTheIdWasReused()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var first = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer", "Jams.", messageId: "same@tool.test"));

        var second = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Scanner", "Broken.", messageId: "same@tool.test"));

        Assert.Equal((InboundStatus.Processed, InboundStatus.Processed), (first.Status, second.Status));
        Assert.NotEqual(first.TicketId, second.TicketId);
        Assert.Equal("Scanner", (await TicketAsync(second.TicketId)).Subject);
        Assert.Contains($"The Message-ID <same@tool.test> was used before by #{first.Id} for a different mail", second.Outcome);
        Assert.DoesNotContain("used before", first.Outcome);
    }

    [Fact]
    public async Task ProcessPendingAsync_RepeatsWithinOneClaimedBatch_EachComparedWithTheMailsBeforeIt()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var store = _host.Get<InboundMailStore>();
        var printer = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer", "Jams.", messageId: "same@tool.test").Bytes();
        var first = await store.StoreAsync("imap", "1:1", printer, default);
        var reused = await store.StoreAsync("imap", "1:2",
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Scanner", "Broken.", messageId: "same@tool.test").Bytes(), default);
        var copy = await store.StoreAsync("pop3", "uidl-1", printer, default);
        var unrelated = await store.StoreAsync("imap", "1:3",
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Monitor", "Flickers.", messageId: "other@tool.test").Bytes(), default);

        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var db = await _host.DbAsync();
        var rows = await db.Set<InboundMessage>().AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal(InboundStatus.Processed, rows[first.Id].Status);
        Assert.DoesNotContain("used before", rows[first.Id].Outcome);
        Assert.Equal(InboundStatus.Processed, rows[reused.Id].Status);
        Assert.Contains($"The Message-ID <same@tool.test> was used before by #{first.Id} for a different mail", rows[reused.Id].Outcome);
        Assert.Equal((InboundStatus.Ignored, (int?)null), (rows[copy.Id].Status, rows[copy.Id].TicketId));
        Assert.StartsWith($"Duplicate of #{first.Id}:", rows[copy.Id].Outcome);
        Assert.Equal(InboundStatus.Processed, rows[unrelated.Id].Status);
        Assert.DoesNotContain("used before", rows[unrelated.Id].Outcome);
        Assert.Equal(["Monitor", "Printer", "Scanner"], await db.Set<Ticket>().Select(t => t.Subject).OrderBy(s => s).ToListAsync());
    }

    [Fact]
    public async Task ProcessAsync_OutcomeWriteFailsAfterTheTicketWasBuilt_NothingCommitsAndTheRetryCreatesOneRequest()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await using (var db = await _host.DbAsync())
            await CrashTrigger.BeforeProcessedOutcome.CreateAsync(db);

        var crashed = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Disk full", "On web01."));
        await using (var db = await _host.DbAsync())
        {
            Assert.Equal(0, await db.Set<Ticket>().CountAsync());
            await CrashTrigger.BeforeProcessedOutcome.DropAsync(db);
        }
        var retried = await _host.Get<RetryInboundMailCommand>().ExecuteAsync(crashed.Id);

        Assert.Equal(InboundStatus.Quarantined, crashed.Status);
        Assert.Contains("simulated crash", crashed.Error);
        Assert.Equal(InboundStatus.Processed, retried.Status);
        Assert.StartsWith($"Created {TicketNumber.Format(retried.TicketId!.Value)}", retried.Outcome);
        Assert.Equal(1, (await _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).TotalCount);
    }

    [Fact]
    public async Task ProcessAsync_OutcomeWriteFailsAfterTheNoteWasBuilt_NoNoteCommitsAndTheRetryAddsItOnce()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN", RequestedForId = alice.Id }, Actor.System);
        await using (var db = await _host.DbAsync())
            await CrashTrigger.BeforeProcessedOutcome.CreateAsync(db);

        var crashed = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Re: HD-{ticketId}", "Still down."));
        var notesAfterCrash = (await TicketAsync(ticketId)).PublicLog.Count;
        await using (var db = await _host.DbAsync())
            await CrashTrigger.BeforeProcessedOutcome.DropAsync(db);
        var retried = await _host.Get<RetryInboundMailCommand>().ExecuteAsync(crashed.Id);

        Assert.Equal((InboundStatus.Quarantined, 0), (crashed.Status, notesAfterCrash));
        Assert.Equal((InboundStatus.Processed, (int?)ticketId), (retried.Status, retried.TicketId));
        Assert.Single((await TicketAsync(ticketId)).PublicLog, e => e.Html == "Still down.");
    }

    [Fact]
    public async Task ProcessAsync_DatabaseRefusesTheTicket_QuarantineNamesTheInnermostCause()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await using (var db = await _host.DbAsync())
            await CrashTrigger.BeforeNewTicket.CreateAsync(db);

        var refused = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Disk full", "On web01."));

        Assert.Equal(InboundStatus.Quarantined, refused.Status);
        Assert.StartsWith("DbUpdateException: ", refused.Error);
        Assert.Contains("simulated crash", refused.Error);
    }

    [Fact]
    public async Task DryRunAsync_NoReplySender_NamesTheMatchedRule()
    {
        await _host.AddPersonAsync("Shop", "noreply@shop.test");

        var (decision, _) = await _host.Get<InboundMailProcessor>().DryRunAsync(
            InboundTestMail.Create("noreply@shop.test", "support@helpdesk.test", "Shipped", "Order 4711").Bytes(), default);

        Assert.IsType<CreateRequest>(decision);
        Assert.Equal("an automated sender address (noreply@shop.test, local part \"noreply\")", decision.AutomatedReason);
    }

    [Fact]
    public async Task WriteAsync_RowNoLongerPending_ThrowsSoTheLaterWorkersTransactionRollsBack()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Once", "Only once."));
        await using var db = await _host.DbAsync();

        var second = () => new InboundOutcome(InboundStatus.Processed, "Created again").WriteAsync(db, new InboundClaim(row.Id, "late-round"), 2, null, DateTime.UtcNow, default);

        await Assert.ThrowsAsync<InboundMailTakenException>(second);
        Assert.Equal(row.Outcome, (await db.Set<InboundMessage>().AsNoTracking().SingleAsync(m => m.Id == row.Id)).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_SameRowByFourWorkersAtOnce_CreatesOneRequest()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "race", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Race", "Once.").Bytes(), default);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _host.Get<InboundMailProcessor>().ProcessAsync(id, default))));

        await using var db = await _host.DbAsync();
        Assert.Equal(1, await db.Set<Ticket>().CountAsync());
        Assert.Equal(InboundStatus.Processed, (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).Status);
    }
}
