using System.Diagnostics;
using System.Text.Json;
using Helpdesk.Tests.Benchmarks;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport.MailStack;
using Helpdesk.Tests.TestSupport.MultiInstance;
using MimeKit;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>
/// Mail through two consoles with a kill -9 midway: customers on the mail stack's own domain write in over IMAP, so
/// every ticket's autoresponse is a real outbound mail that Postfix delivers to Dovecot, where its deliveries are
/// counted per Message-ID. The console holding the mailbox is killed once a quarter of the tickets exist and outbox
/// mail is claimed (being sent); the second half of the mails is sent after the kill.
/// </summary>
public sealed class MailProof(TwoConsoles consoles, Action<string> log)
{
    private readonly string _customers = MailStackServer.NewAddress("customer.test");

    public async Task<MailProofFigures> RunAsync(int mails)
    {
        var (holder, survivor) = await consoles.HolderAsync();
        var clock = Stopwatch.StartNew();
        await MailStackServer.SendAllAsync(Mails(0, mails / 2));
        await UntilAsync(async () => await TicketsAsync() >= mails / 4, TimeSpan.FromSeconds(30 + mails / 2));
        var holderSmtp = consoles.SmtpLinkOf(consoles.NameOf(holder));
        await UntilAsync(() => Task.FromResult(holderSmtp.IsBusy), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(2));
        var sendingAtKill = holderSmtp.IsBusy;
        var ticketsAtKill = await TicketsAsync();
        holder.Kill();
        var killedAt = DateTime.UtcNow;
        var sinceKill = Stopwatch.StartNew();
        // Read after the kill: the killed console's claims stay until they expire; the survivor's come and go.
        var claimedAtKill = await consoles.RowsAsync("""
            SELECT "Id", "ClaimExpiresAt" FROM "OutboxMessage" WHERE "Status" = 'Pending' AND "ClaimExpiresAt" > now()
            """, r => (Id: r.GetInt64(0), Expires: r.GetDateTime(1)));
        log($"killed {consoles.NameOf(holder)} (mailbox holder, {(sendingAtKill ? "in an SMTP exchange" : "NOT sending")}) at {ticketsAtKill} tickets; " +
            $"{claimedAtKill.Count} outbox mails claimed just after");

        var sending = MailStackServer.SendAllAsync(Mails(mails / 2, mails));
        await UntilAsync(async () => await survivor.MailboxStateAsync(TwoConsoles.Mailbox) == "Fetching", TwoConsoles.LeasePeriod * 4);
        var mailboxTakeOver = sinceKill.Elapsed;
        var survivorHealth = await survivor.HealthAsync() is { } health ? JsonSerializer.Serialize(health) : "(no answer)";
        await sending;

        await WhileProgressingAsync(TicketsAsync, mails);
        var ticketsDone = clock.Elapsed;
        await WhileProgressingAsync(() => consoles.ScalarAsync("""SELECT count(*) FROM "OutboxMessage" WHERE "Status" <> 'Pending'"""),
            () => consoles.ScalarAsync("""SELECT count(*) FROM "OutboxMessage" """));
        var outbox = await consoles.RowsAsync("""SELECT "MessageId", "To", "Status"::text, "SentAt" FROM "OutboxMessage" """,
            r => new OutboxRow(Normalize(r.GetString(0)), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDateTime(3)));
        if (await TicketsAsync() < mails) await LogWhyMissingAsync(survivor);
        var deliveries = await DeliveriesAsync(outbox, Stall);
        var allDelivered = clock.Elapsed;

        // A row the killed console had claimed can only be sent by the survivor once its claim expired.
        var sentAt = await consoles.RowsAsync("""SELECT "Id", "SentAt" FROM "OutboxMessage" WHERE "SentAt" IS NOT NULL""", r => (r.GetInt64(0), r.GetDateTime(1)))
            .ContinueWith(t => t.Result.ToDictionary(x => x.Item1, x => x.Item2));
        var takenOver = claimedAtKill.Where(c => sentAt.TryGetValue(c.Id, out var at) && at >= c.Expires).Select(c => sentAt[c.Id]).ToList();

        return new MailProofFigures(
            Mails: mails,
            Tickets: await TicketsAsync(),
            DistinctInbound: await consoles.ScalarAsync("""SELECT count(DISTINCT "MessageId") FROM "InboundMessage" """),
            DuplicateTickets: await consoles.ScalarAsync("""
                SELECT count(*) - count(DISTINCT m."MessageId") FROM "Ticket" t JOIN "InboundMessage" m ON m."Id" = t."SourceInboundId"
                """),
            InboundStoredTwice: await consoles.ScalarAsync("""SELECT count(*) - count(DISTINCT "MessageId") FROM "InboundMessage" """),
            OutboxRows: outbox.Count,
            OutboxSent: outbox.Count(o => o.Status == "Sent"),
            Deliveries: deliveries,
            ClaimedAtKill: claimedAtKill.Count,
            TakenOverOutbox: takenOver.Count,
            MailboxTakeOver: mailboxTakeOver,
            OutboxTakeOver: takenOver.Count == 0 ? null : takenOver.Max() - killedAt,
            TicketsDone: ticketsDone,
            AllDelivered: allDelivered,
            SurvivorHealth: survivorHealth,
            LoadAverage: LoadAverage.Read()) { OutboxMessageIds = [.. outbox.Select(o => o.MessageId)] };
    }

    /// <summary>How long a wait goes on without progress before it gives up: generous, for a loaded CI machine.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    private static Task WhileProgressingAsync(Func<Task<long>> done, long target) => WhileProgressingAsync(done, () => Task.FromResult(target));

    /// <summary>Waits until <paramref name="done"/> reaches <paramref name="target"/>, or nothing moved for <see cref="Stall"/>.</summary>
    private static async Task WhileProgressingAsync(Func<Task<long>> done, Func<Task<long>> target)
    {
        var last = -1L;
        var still = Stopwatch.StartNew();
        while (await done() is var now && now < await target() && (now != last || still.Elapsed < Stall))
        {
            if (now != last)
            {
                last = now;
                still.Restart();
            }
            await Task.Delay(200);
        }
    }

    private async Task LogWhyMissingAsync(ConsoleProcess survivor)
    {
        var (_, uids) = await MailStackServer.UidsAsync(consoles.Address);
        log($"the helpdesk's IMAP inbox holds {uids.Count} mails ({uids.Count(u => u.Seen)} seen); received mails by status: " + string.Join("; ", await consoles.RowsAsync("""
            SELECT "Status" || ' ' || coalesce("Error", '') || ': ' || count(*) FROM "InboundMessage" GROUP BY "Status", "Error"
            """, r => r.GetString(0))));
        log($"the survivor wrote:\n{survivor.Tail}");
    }

    private IEnumerable<MimeMessage> Mails(int from, int to)
    {
        var at = _customers.IndexOf('@');
        for (var i = from; i < to; i++)
            yield return InboundTestMail.Create($"{_customers[..at]}+{i}{_customers[at..]}", consoles.Address, $"Request {i}", $"Please help ({i}).");
    }

    /// <summary>Every recipient's mailbox (Dovecot files +detail addresses under the plain one) read over IMAP until each outbox mail arrived or time is up.</summary>
    private static async Task<Dictionary<string, int>> DeliveriesAsync(IReadOnlyList<OutboxRow> outbox, TimeSpan patience)
    {
        var mailboxes = outbox.SelectMany(o => InternetAddressList.Parse(o.To).Mailboxes).Select(m => WithoutDetail(m.Address)).Distinct().ToList();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = new Dictionary<string, int>();
            foreach (var mailbox in mailboxes)
                foreach (var (messageId, _) in await MailStackServer.EnvelopesAsync(mailbox))
                    if (messageId is not null) deliveries[Normalize(messageId)] = deliveries.GetValueOrDefault(Normalize(messageId)) + 1;
            if (outbox.All(o => deliveries.ContainsKey(o.MessageId)) || clock.Elapsed > patience) return deliveries;
            await Task.Delay(500);
        }
    }

    private static string WithoutDetail(string address)
    {
        var at = address.IndexOf('@');
        var plus = address.IndexOf('+');
        return plus > 0 && plus < at ? address[..plus] + address[at..] : address;
    }

    private static string Normalize(string messageId) => messageId.Trim().Trim('<', '>');

    private Task<long> TicketsAsync() => consoles.ScalarAsync("""SELECT count(*) FROM "Ticket" """);

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition() && clock.Elapsed < timeout) await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
    }
}

public sealed record OutboxRow(string MessageId, string To, string Status, DateTime? SentAt);
