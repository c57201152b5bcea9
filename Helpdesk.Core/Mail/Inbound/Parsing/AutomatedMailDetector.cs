using System.Globalization;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

public enum AutomatedMailKind
{
    None,

    /// <summary>Sent by a program (monitoring tool, auto-responder, ticket system): processed, but never answered automatically.</summary>
    AutoSubmitted,

    /// <summary>List, bulk or spam mail: processed, but never answered automatically.</summary>
    Bulk,

    /// <summary>
    /// A report about a mail (<see cref="DeliveryReportKind"/>: a bounce, a delay warning, a delivery or read receipt): never
    /// turned into a request; a bounce or delay of a ticket's mail becomes a note on that ticket.
    /// </summary>
    Report,
}

/// <param name="Reason">Which rule matched, in words an administrator understands.</param>
/// <param name="OriginalMessageId">For a report: the Message-ID of the mail it reports on, when it names it.</param>
/// <param name="Report">For a report: what it says of the mail.</param>
public sealed record AutomatedMailVerdict(AutomatedMailKind Kind, string? Reason = null, string? OriginalMessageId = null, DeliveryReportKind? Report = null)
{
    public static readonly AutomatedMailVerdict Human = new(AutomatedMailKind.None);

    /// <summary>True for any mail a program sent: it must never get an automatic answer.</summary>
    public bool IsAutomated => Kind != AutomatedMailKind.None;
}

/// <summary>Recognises mail that must never be answered automatically; the first rule that matches is named.</summary>
public static class AutomatedMailDetector
{
    // Outlook's "Automatic reply:" in the languages it writes most, and other programs' out-of-office prefixes: a reply
    // without the headers that mark it (older servers, vacation scripts) is known by these.
    private static readonly string[] AutoReplySubjects =
    [
        "auto:", "automatic reply", "autoreply", "auto-reply", "out of office", "abwesenheitsnotiz", "automatische antwort",
        "réponse automatique", "respuesta automática", "risposta automatica", "automatisch antwoord", "resposta automática",
        "automatiskt svar", "automatisk svar", "odpowiedź automatyczna", "automatická odpověď", "automaattinen vastaus",
    ];

    public static AutomatedMailVerdict Classify(MimeMessage message, string? fromAddress, AutomatedMailOptions rules)
    {
        if (DeliveryReport.Classify(message, fromAddress) is { } report)
            return new AutomatedMailVerdict(AutomatedMailKind.Report, ReportReason(report, message), DeliveryReport.OriginalMessageId(message), report);
        var (kind, reason) = Rule(message, fromAddress, rules);
        return reason is null ? AutomatedMailVerdict.Human : new AutomatedMailVerdict(kind, reason);
    }

    private static (AutomatedMailKind, string?) Rule(MimeMessage message, string? fromAddress, AutomatedMailOptions rules)
    {
        var headers = message.Headers;
        var autoSubmitted = headers[HeaderId.AutoSubmitted]?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return (AutomatedMailKind.AutoSubmitted, $"Auto-Submitted: {autoSubmitted}");
        // Named before the list headers other ticket systems also send (GitHub: Precedence: list, List-Id): the system says more.
        if (TicketSystem(headers, rules) is { } system)
            return (AutomatedMailKind.AutoSubmitted, $"mail from the ticket system {system.Name} ({system.Header})");
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list")
            return (AutomatedMailKind.Bulk, $"Precedence: {precedence}");
        // The sender asks not to be answered; any value counts, even ones Exchange does not define.
        if (headers["X-Auto-Response-Suppress"] is { } suppress && !string.IsNullOrWhiteSpace(suppress))
            return (AutomatedMailKind.AutoSubmitted, $"X-Auto-Response-Suppress: {suppress.Trim()}");
        if (headers.Contains(HeaderId.ListId))
            return (AutomatedMailKind.Bulk, "a mailing-list message (List-Id)");
        if (headers.Contains("List-Unsubscribe"))
            return (AutomatedMailKind.Bulk, "a mailing-list or newsletter message (List-Unsubscribe)");
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
            return (AutomatedMailKind.AutoSubmitted, "an auto-responder header");
        if (headers["X-Spam-Flag"]?.Trim().Equals("YES", StringComparison.OrdinalIgnoreCase) == true)
            return (AutomatedMailKind.Bulk, "marked as spam (X-Spam-Flag: YES)");
        if (SpamScore(headers[rules.SpamScoreHeader]) is { } score && score >= rules.SpamScoreThreshold)
            return (AutomatedMailKind.Bulk, $"a spam score of {score.ToString(CultureInfo.InvariantCulture)} ({rules.SpamScoreHeader}, threshold {rules.SpamScoreThreshold.ToString(CultureInfo.InvariantCulture)})");
        if (headers[HeaderId.ReturnPath]?.Trim() == "<>")
            return (AutomatedMailKind.AutoSubmitted, "a null Return-Path (<>)");
        if (NoReplyLocalPart(fromAddress, rules) is { } local)
            return (AutomatedMailKind.AutoSubmitted, $"an automated sender address ({fromAddress}, local part \"{local}\")");
        var subject = message.Subject?.Trim().ToLowerInvariant() ?? "";
        if (AutoReplySubjects.Any(subject.StartsWith))
            return (AutomatedMailKind.AutoSubmitted, "an out-of-office subject");
        return (AutomatedMailKind.None, null);
    }

    private static string ReportReason(DeliveryReportKind report, MimeMessage message) => report switch
    {
        DeliveryReportKind.Delayed => "a delivery status notification of a delay (the mail server keeps trying)",
        DeliveryReportKind.Delivered => "a delivery status notification of a delivery",
        DeliveryReportKind.Disposition => $"a read receipt{(DeliveryReport.Disposition(message) is { } how ? $" (\"{how}\")" : "")}",
        _ => "a delivery status notification (bounce)",
    };

    /// <summary>The other ticket system a mail comes from, recognised by its headers.</summary>
    public static (string Name, string Header)? TicketSystem(HeaderList headers, AutomatedMailOptions rules)
    {
        foreach (var (name, marker) in rules.EffectiveTicketSystemHeaders)
            if (headers.FirstOrDefault(h => marker.EndsWith('-') ? h.Field.StartsWith(marker, StringComparison.OrdinalIgnoreCase)
                    : h.Field.Equals(marker, StringComparison.OrdinalIgnoreCase)) is { } header)
                return (name, header.Field);
        return null;
    }

    private static string? NoReplyLocalPart(string? address, AutomatedMailOptions rules)
    {
        var local = address?.Split('@')[0].ToLowerInvariant();
        if (string.IsNullOrEmpty(local)) return null;
        return rules.EffectiveNoReplyLocalParts.FirstOrDefault(part => local == part
            || (local.StartsWith(part, StringComparison.Ordinal) && local[part.Length] is '-' or '_' or '.' or '+'));
    }

    // "5.3", "5.3 (threshold 5)", "*****" (a star per point, as some filters write it).
    private static double? SpamScore(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.All(c => c == '*')) return text.Length;
        var number = new string(text.TakeWhile(c => char.IsDigit(c) || c is '.' or '-' or '+').ToArray());
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null;
    }
}
