namespace Helpdesk.Core.CaseLog;

/// <summary>An agent mentioned ("@Name") in a private note, resolved when the note was added; the name as it was then.</summary>
public sealed class CaseLogMention
{
    public long EntryId { get; set; }
    public int PersonId { get; set; }
    public required string Name { get; set; }
}
