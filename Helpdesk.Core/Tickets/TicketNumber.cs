using System.Text.RegularExpressions;

namespace Helpdesk.Core.Tickets;

/// <summary>Ticket numbers as people see them ("HD-42") and as they appear in mail subjects ("[HD-42]").</summary>
public static partial class TicketNumber
{
    public const string Prefix = "HD-";

    public static string Format(int id) => Prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string SubjectTag(int id) => $"[{Format(id)}]";

    /// <summary>Prefixes "[HD-42]" unless the subject already names the ticket, so replies can always be threaded.</summary>
    public static string EnsureInSubject(string subject, int id) => FindIn(subject) == id ? subject : $"{SubjectTag(id)} {subject}";

    /// <summary>Finds the first ticket number in a text such as a mail subject.</summary>
    public static int? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = NumberPattern().Match(text);
        return match.Success && int.TryParse(match.Groups[1].Value, out var id) && id > 0 ? id : null;
    }

    /// <summary>A ticket number as someone types it into a field: "HD-42" anywhere in the text, or "#42" or "42" alone.</summary>
    public static int? FromTyped(string? text) =>
        FindIn(text) ?? (int.TryParse(text?.Trim().TrimStart('#'), out var id) ? id : null);

    [GeneratedRegex(@"\bHD-(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
