using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Parameters cannot update an existing request (Mail API). When a mail that becomes a note carries some anyway,
/// the note's audit trail and the inbound row say which ones were ignored, so nobody wonders why #impact did nothing.
/// </summary>
public static class NoteParameters
{
    /// <summary>Shape the note itself: which log it goes to and how its text is formatted.</summary>
    public static readonly string[] ForTheNote = ["internal", "markdown"];

    /// <summary>Pick the request an event belongs to (see <see cref="EventMatcher"/>).</summary>
    public static readonly string[] ForEventMatching =
        [.. ForTheNote, "source", "ci", "ci_id", "ci_source", "ci_sourceID", "service_instance", "service_instance_id", "requested_for", "requested_for_id"];

    public static IReadOnlyList<string> IgnoredNote(IEnumerable<MailParameter> honoured, IReadOnlyCollection<string> used)
    {
        var ignored = honoured.Where(p => !used.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Value is null ? $"#{p.Name}" : $"#{p.Name}: {p.Value}").ToList();
        return ignored.Count == 0 ? [] : [$"Parameters cannot update an existing request; these were ignored: {string.Join(", ", ignored)}."];
    }
}
