using System.Text.RegularExpressions;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// A bounce: a multipart/report of type delivery-status, or a mail from MAILER-DAEMON or postmaster that reads like one
/// (old mail servers send plain text). A missing sender or a null Return-Path alone does not make a bounce.
/// </summary>
public static partial class DeliveryReport
{
    public static bool IsBounce(MimeMessage message, string? fromAddress)
    {
        if (message.Body is MultipartReport { ReportType: { } type } && type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase))
            return true;
        var local = (fromAddress ?? message.Headers[HeaderId.From] ?? "").Split('@')[0].Trim().ToLowerInvariant();
        return local.EndsWith("mailer-daemon", StringComparison.Ordinal) || local.EndsWith("postmaster", StringComparison.Ordinal)
            ? BounceSubject().IsMatch(message.Subject ?? "") || message.BodyParts.Any(p => p is MessagePart or TextRfc822Headers)
            : false;
    }

    /// <summary>The Message-ID of the mail that bounced: from the returned message or headers, a Message-ID line in the text, else References.</summary>
    public static string? OriginalMessageId(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
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

    [GeneratedRegex(@"undeliver|delivery|failure notice|returned mail|could not be delivered|non-?delivery", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"^\s*Message-ID:\s*(<[^>\s]+>)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdLine();
}
