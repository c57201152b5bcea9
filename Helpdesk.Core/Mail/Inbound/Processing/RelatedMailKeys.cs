using System.Text.RegularExpressions;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// What makes two received mails related, so that they are applied one after the other (<see cref="MailLanes{T}"/>):
/// the same person (as sender or on Cc: one person row, one loop guard count, one ticket limit), the same thread
/// (Message-ID, In-Reply-To, References, the mail a bounce or receipt reports on), the same ticket (named in the subject,
/// or the one the mails of its thread belong to), another system's number, and the same subject once reply prefixes are
/// taken off (a reply-all from someone else, and event matching, which compares subjects).
/// </summary>
public static partial class RelatedMailKeys
{
    /// <param name="message">The mail as read; null when it could not be read: then the stored row's fields are all there is.</param>
    /// <param name="contexts">Opened only for a mail that names a thread, to find the thread's tickets.</param>
    public static async Task<IReadOnlyCollection<string>> OfAsync(IDbContextFactory<HelpdeskDbContext> contexts, InboundMessage row, MimeMessage? message,
        InboundMailContent? content, InboundMailOptions options, Func<string, bool> isOwnAddress, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { "id:" + row.MessageId };
        AddPerson(keys, row.SenderAddress);
        AddSubject(keys, row.Subject);
        if (content is null) return keys;
        keys.Add("id:" + content.MessageId);
        AddPerson(keys, content.FromAddress);
        foreach (var cc in content.CcAddresses.Where(a => !isOwnAddress(a))) AddPerson(keys, cc);
        AddSubject(keys, content.Subject);
        var thread = new HashSet<string>(content.References, StringComparer.Ordinal);
        if (content.InReplyTo is { } inReplyTo) thread.Add(inReplyTo);
        if (message is not null)
        {
            if (DeliveryReport.Classify(message, content.FromAddress) is not null && DeliveryReport.OriginalMessageId(message) is { } reported) thread.Add(reported);
            if (ExternalTicketNumber.Find(message, content, options.EffectiveExternalTicketPatterns) is { } external)
                keys.Add($"external:{external.System}\n{external.Number}");
        }
        if (thread.Count == 0) return keys;
        foreach (var id in thread) keys.Add("id:" + id);
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var ticket in await ThreadFinder.TicketsOfAsync(db, thread, ct)) keys.Add("ticket:" + ticket);
        return keys;
    }

    /// <summary>The subject without its reply and forward prefixes ("Re: AW: Fwd[2]:"), trimmed, in lower case.</summary>
    public static string Thread(string subject) => ReplyPrefixes().Replace(subject, "").Trim().ToLowerInvariant();

    private static void AddPerson(HashSet<string> keys, string? address)
    {
        if (!string.IsNullOrWhiteSpace(address)) keys.Add("person:" + address.Trim().ToLowerInvariant());
    }

    private static void AddSubject(HashSet<string> keys, string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return;
        if (TicketNumber.FindIn(subject) is { } ticket) keys.Add("ticket:" + ticket);
        if (Thread(subject) is { Length: > 0 } thread) keys.Add("subject:" + thread);
    }

    [GeneratedRegex(@"^(\s*(re|fw|fwd|aw|wg|sv|vs|tr|antw|rif|r)\s*(\[\d+\]|\(\d+\))?\s*:)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefixes();
}
