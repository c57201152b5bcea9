using Helpdesk.Core.Attachments;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.CaseLog.Drafts;

/// <param name="Recipients">The To and Cc the agent edited; null while they follow the ticket's requester and contacts.</param>
/// <param name="Mentions">The agents chosen after "@" in a private note, so a restored note still alerts them.</param>
public sealed record CaseLogDraftContent(int TicketId, CaseLogKind Log, string Text, bool Markdown, bool SendEmail, IReadOnlyList<StagedFile> Files,
    EntryRecipients? Recipients = null, IReadOnlyList<PersonRef>? Mentions = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Files.Count == 0;
}
