using Helpdesk.Core.Attachments;

namespace Helpdesk.Core.CaseLog.Drafts;

/// <param name="Recipients">The To and Cc the agent edited; null while they follow the ticket's requester and contacts.</param>
public sealed record CaseLogDraftContent(int TicketId, CaseLogKind Log, string Text, bool Markdown, bool SendEmail, IReadOnlyList<StagedFile> Files,
    EntryRecipients? Recipients = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Files.Count == 0;
}
