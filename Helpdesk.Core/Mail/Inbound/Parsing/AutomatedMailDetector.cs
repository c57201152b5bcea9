using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

public enum AutomatedMailKind
{
    None,

    /// <summary>Sent by a program (monitoring tool, auto-responder): processed, but never answered automatically.</summary>
    AutoSubmitted,

    /// <summary>List or bulk mail (e.g. forwarded through a group alias): processed, but never answered automatically.</summary>
    Bulk,

    /// <summary>A delivery report or mail from a null sender, mailer-daemon or postmaster: never turned into a request.</summary>
    Bounce,
}

/// <param name="OriginalMessageId">For a bounce: the Message-ID of the mail that bounced, when the report includes it.</param>
public sealed record AutomatedMailVerdict(AutomatedMailKind Kind, string? Reason = null, string? OriginalMessageId = null)
{
    public static readonly AutomatedMailVerdict Human = new(AutomatedMailKind.None);

    /// <summary>True for any mail a program sent: it must never get an automatic answer.</summary>
    public bool IsAutomated => Kind != AutomatedMailKind.None;
}

/// <summary>Recognises mail that must never be answered automatically: auto-submitted, bulk and list mail, bounces.</summary>
public static class AutomatedMailDetector
{
    private static readonly string[] AutoReplySubjects = ["auto:", "automatic reply", "autoreply", "out of office", "abwesenheitsnotiz"];

    public static AutomatedMailVerdict Classify(MimeMessage message, string? fromAddress)
    {
        if (IsBounce(message, fromAddress))
            return new AutomatedMailVerdict(AutomatedMailKind.Bounce, "a delivery status notification (bounce)", BouncedMessageId(message));
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return new AutomatedMailVerdict(AutomatedMailKind.AutoSubmitted, $"Auto-Submitted: {autoSubmitted.Trim()}");
        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list")
            return new AutomatedMailVerdict(AutomatedMailKind.Bulk, $"Precedence: {precedence}");
        // The sender asks not to be answered; any value counts, even ones Exchange does not define.
        var suppress = message.Headers["X-Auto-Response-Suppress"];
        if (!string.IsNullOrWhiteSpace(suppress))
            return new AutomatedMailVerdict(AutomatedMailKind.AutoSubmitted, $"X-Auto-Response-Suppress: {suppress.Trim()}");
        if (message.Headers.Contains(HeaderId.ListId) || message.Headers.Contains("List-Unsubscribe"))
            return new AutomatedMailVerdict(AutomatedMailKind.Bulk, "a mailing-list message");
        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond"))
            return new AutomatedMailVerdict(AutomatedMailKind.AutoSubmitted, "an auto-responder header");
        var subject = message.Subject?.Trim().ToLowerInvariant() ?? "";
        if (AutoReplySubjects.Any(subject.StartsWith))
            return new AutomatedMailVerdict(AutomatedMailKind.AutoSubmitted, "an out-of-office subject");
        return AutomatedMailVerdict.Human;
    }

    private static bool IsBounce(MimeMessage message, string? fromAddress)
    {
        var local = fromAddress?.Split('@')[0].ToLowerInvariant();
        var returnPath = message.Headers[HeaderId.ReturnPath]?.Trim();
        return message.Body is MultipartReport { ReportType: { } type } && type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)
            || local is "mailer-daemon" or "postmaster"
            || returnPath == "<>"
            || string.IsNullOrEmpty(fromAddress);
    }

    private static string? BouncedMessageId(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            if (part is MessagePart { Message: { } original } && !string.IsNullOrEmpty(original.MessageId))
                return $"<{original.MessageId}>";
            if (part is TextRfc822Headers headers && headers.Message is { MessageId: { Length: > 0 } id })
                return $"<{id}>";
        }
        return null;
    }
}
