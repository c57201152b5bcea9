using System.Text.RegularExpressions;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>What a report about a mail says of it.</summary>
public enum DeliveryReportKind
{
    /// <summary>Not delivered, and never will be (a bounce).</summary>
    Failed,

    /// <summary>Not delivered yet: a mail server reports a delay and keeps trying.</summary>
    Delayed,

    /// <summary>Delivered, or handed on to a system that reports no further (a success notification).</summary>
    Delivered,

    /// <summary>A read receipt: the recipient's mail program says the mail was displayed or deleted.</summary>
    Disposition,
}

/// <summary>
/// A report about a mail: a multipart/report of type delivery-status (what each recipient's <c>Action</c> says) or
/// disposition-notification (a read receipt), or a mail from MAILER-DAEMON or postmaster that reads like one (old mail
/// servers send plain text). A missing sender or a null Return-Path alone does not make a report.
/// </summary>
public static partial class DeliveryReport
{
    public static DeliveryReportKind? Classify(MimeMessage message, string? fromAddress)
    {
        if (message.Body is MultipartReport { ReportType: { } type })
        {
            if (type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)) return FromActions(message);
            if (type.Equals("disposition-notification", StringComparison.OrdinalIgnoreCase)) return DeliveryReportKind.Disposition;
        }
        var local = (fromAddress ?? message.Headers[HeaderId.From] ?? "").Split('@')[0].Trim().ToLowerInvariant();
        if (!local.EndsWith("mailer-daemon", StringComparison.Ordinal) && !local.EndsWith("postmaster", StringComparison.Ordinal)) return null;
        var subject = message.Subject ?? "";
        if (DelaySubject().IsMatch(subject)) return DeliveryReportKind.Delayed;
        return BounceSubject().IsMatch(subject) || message.BodyParts.Any(p => p is MessagePart or TextRfc822Headers) ? DeliveryReportKind.Failed : null;
    }

    /// <summary>
    /// A report of several recipients is as bad as its worst one: one failed recipient makes it a bounce, else one
    /// delayed a delay. A report without a readable action counts as a bounce.
    /// </summary>
    private static DeliveryReportKind FromActions(MimeMessage message)
    {
        var actions = message.BodyParts.OfType<MessageDeliveryStatus>()
            .SelectMany(status => status.StatusGroups.Skip(1)) // the first group is about the report, the others each about a recipient
            .Select(recipient => recipient["Action"]?.Trim().ToLowerInvariant()).ToList();
        if (actions.Count == 0 || actions.Any(a => a is not ("delayed" or "delivered" or "relayed" or "expanded"))) return DeliveryReportKind.Failed;
        return actions.Contains("delayed") ? DeliveryReportKind.Delayed : DeliveryReportKind.Delivered;
    }

    /// <summary>
    /// The Message-ID of the mail reported on: a read receipt's Original-Message-ID, else the returned message or
    /// headers, a Message-ID line in the text, else References.
    /// </summary>
    public static string? OriginalMessageId(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            if (part is MessageDispositionNotification notification && notification.Fields["Original-Message-ID"]?.Trim() is { Length: > 0 } original)
                return original;
            if (part is MessagePart { Message: { MessageId: { Length: > 0 } id } })
                return $"<{id}>";
            if (part is TextRfc822Headers { Message: { MessageId: { Length: > 0 } headersId } })
                return $"<{headersId}>";
        }
        foreach (var text in message.BodyParts.OfType<TextPart>())
            if (MessageIdLine().Match(text.Text ?? "") is { Success: true } line)
                return line.Groups[1].Value;
        return message.References.LastOrDefault() is { } reference ? $"<{reference}>"
            : string.IsNullOrEmpty(message.InReplyTo) ? null : $"<{message.InReplyTo}>";
    }

    /// <summary>How a read receipt says the mail was handled ("displayed", "deleted"), from its Disposition field.</summary>
    public static string? Disposition(MimeMessage message) =>
        message.BodyParts.OfType<MessageDispositionNotification>().Select(n => n.Fields["Disposition"]).FirstOrDefault(d => d is not null)
            ?.Split(';').Last().Split('/')[0].Trim().ToLowerInvariant() is { Length: > 0 } disposition ? disposition : null;

    [GeneratedRegex(@"undeliver|delivery|failure notice|returned mail|could not be delivered|non-?delivery", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BounceSubject();

    // Postfix "Delayed Mail (still being retried)", Exchange "Delivery delayed:", sendmail "Warning: could not send message for past 4 hours".
    [GeneratedRegex(@"delayed|still being retried|could not send message for past", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelaySubject();

    [GeneratedRegex(@"^\s*Message-ID:\s*(<[^>\s]+>)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdLine();
}
