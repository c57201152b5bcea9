using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Mail that never becomes a request or a note: bounces, our own mail coming back, and floods from one sender.
/// Other automated mail (monitoring tools, lists) is processed; it only gets no automatic answer.
/// </summary>
public sealed class MailLoopGuard(InboundRouter router, IOptions<InboundMailOptions> options)
{
    public async Task<IgnoreMail?> CheckAsync(HelpdeskDbContext db, AutomatedMailVerdict automated, InboundMailContent content,
        DateTime receivedAt, CancellationToken ct)
    {
        if (automated.Kind == AutomatedMailKind.Bounce)
            return new IgnoreMail($"Not processed: {automated.Reason}.", automated.OriginalMessageId);
        if (router.IsOwnAddress(content.FromAddress))
            return new IgnoreMail("Not processed: it comes from one of the helpdesk's own addresses (a mail loop).");
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.MessageId == content.MessageId, ct))
            return new IgnoreMail("Not processed: it carries the Message-ID of a mail the helpdesk sent (a mail loop).");
        var max = options.Value.MaxMessagesPerSenderPerHour;
        var recent = await db.Set<InboundMessage>().CountAsync(m => m.SenderAddress == content.FromAddress
            && m.ReceivedAt > receivedAt.AddHours(-1) && m.ReceivedAt <= receivedAt, ct);
        return recent > max
            ? new IgnoreMail($"Not processed: more than {max} mails from {content.FromAddress} within an hour (loop protection).")
            : null;
    }
}
