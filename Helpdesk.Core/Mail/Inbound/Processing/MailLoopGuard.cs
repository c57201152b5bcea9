using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Mail that never becomes a request: reports about mail (at most a private note on the ticket of the mail), our own mail
/// coming back, and floods from one sender.
/// Other automated mail (monitoring tools, lists) is processed; it only gets no automatic answer.
/// </summary>
public sealed class MailLoopGuard(InboundRouter router, IOptions<InboundMailOptions> options)
{
    /// <summary>The window of the per-sender cap (<see cref="InboundMailOptions.MaxMessagesPerSenderPerHour"/>).</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    /// <param name="facts">The claimed batch's answers, read at once; null asks the database for this mail alone.</param>
    public async Task<InboundDecision?> CheckAsync(HelpdeskDbContext db, AutomatedMailVerdict automated, InboundMailContent content,
        DateTime receivedAt, LoopGuardFacts? facts, CancellationToken ct)
    {
        if (automated.Kind == AutomatedMailKind.Report)
            return await ReportAsync(db, automated, content, ct);
        if (router.IsOwnAddress(content.FromAddress))
            return new IgnoreMail("Not processed: it comes from one of the helpdesk's own addresses (a mail loop).");
        if (facts?.IsOwnMessageId(content.MessageId) ?? await db.Set<OutboxMessage>().AnyAsync(m => m.MessageId == content.MessageId, ct))
            return new IgnoreMail("Not processed: it carries the Message-ID of a mail the helpdesk sent (a mail loop).");
        var max = options.Value.MaxMessagesPerSenderPerHour;
        var from = receivedAt.Add(-RateWindow);
        var recent = (content.FromAddress is { } address ? facts?.ReceivedFrom(address, receivedAt) : null)
            ?? await db.Set<InboundMessage>().CountAsync(m => m.SenderAddress == content.FromAddress && m.ReceivedAt > from && m.ReceivedAt <= receivedAt, ct);
        return recent > max
            ? new IgnoreMail($"Not processed: more than {max} mails from {content.FromAddress} within an hour (loop protection).")
            : null;
    }

    /// <summary>
    /// A report about a ticket's mail that matters to agents (a bounce, a delay) is kept on that ticket as a private note.
    /// The mail is marked with what a report says of it: bounced, delayed, or delivered after all (which ends a delay); a
    /// read receipt changes nothing.
    /// </summary>
    private static async Task<InboundDecision> ReportAsync(HelpdeskDbContext db, AutomatedMailVerdict report, InboundMailContent content, CancellationToken ct)
    {
        var original = report.OriginalMessageId;
        var sent = original is null ? null : await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageId == original)
            .Select(m => new { m.TicketId, m.To }).FirstOrDefaultAsync(ct);
        var about = sent is null ? "" : $" of our mail {original} to {sent.To}";
        var reported = original is not null && report.Report is DeliveryReportKind.Failed or DeliveryReportKind.Delayed or DeliveryReportKind.Delivered
            ? new ReportedMail(original, report.Report.Value) : null;
        if (report.Report is not (DeliveryReportKind.Failed or DeliveryReportKind.Delayed) || sent?.TicketId is not { } ticketId)
            return new IgnoreMail($"Not processed: {report.Reason}{about}.", reported, sent?.TicketId);
        var (what, text) = report.Report == DeliveryReportKind.Delayed
            ? ($"A delay warning for our mail to {sent.To} about {TicketNumber.Format(ticketId)}: added as a private note; the mail is marked delayed, not bounced: the mail server keeps trying.",
                $"Our mail {original} to {sent.To} is not delivered yet: a mail server reports a delay and keeps trying. The report follows.")
            : ($"A bounce of our mail to {sent.To} about {TicketNumber.Format(ticketId)}: added as a private note; the mail is marked bounced.",
                $"Our mail {original} to {sent.To} could not be delivered; the delivery report follows.");
        return new AddNote(what, ticketId, CaseLogKind.Private, $"{text}\n\n{content.TextBody}", TextFormat.Plain)
            { Reported = reported, IsReport = true, AutomatedReason = report.Reason };
    }
}
