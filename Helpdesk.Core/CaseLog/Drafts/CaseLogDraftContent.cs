using Helpdesk.Core.Attachments;

namespace Helpdesk.Core.CaseLog.Drafts;

public sealed record CaseLogDraftContent(int TicketId, CaseLogKind Log, string Text, bool Markdown, bool SendEmail, IReadOnlyList<StagedFile> Files)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Files.Count == 0;
}
