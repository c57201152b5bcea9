namespace Helpdesk.Core.CaseLog.Drafts;

/// <summary>What an agent has typed but not yet added to a ticket's log; one per ticket, agent and log.</summary>
public sealed class CaseLogDraft
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public int AgentId { get; set; }
    public CaseLogKind Log { get; set; }
    public string Text { get; set; } = "";
    public bool Markdown { get; set; }
    public bool SendEmail { get; set; }
    public List<CaseLogDraftFile> Files { get; set; } = [];

    /// <summary>The edited To and Cc of the reply's mail; null while the agent has not changed them.</summary>
    public List<string>? To { get; set; }
    public List<string>? Cc { get; set; }
    public List<CaseLogDraftMention> Mentions { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An agent chosen after "@" in the draft.</summary>
public sealed class CaseLogDraftMention
{
    public int PersonId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
}

/// <summary>A file already in the blob store, staged for the entry.</summary>
public sealed class CaseLogDraftFile
{
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
}
