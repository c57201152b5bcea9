using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>A mail that belongs to an existing ticket becomes a note on it; one without text or files changes nothing.</summary>
public static class ReplyNote
{
    public static InboundDecision Decide(InboundContext mail, Person sender, int ticketId, string how)
    {
        var parsed = MailParameterParser.Parse(mail.Content.TextBody);
        var honoured = sender.HasRole(PersonRoles.Specialist) && parsed.Parameters.Count > 0;
        var number = TicketNumber.Format(ticketId);
        var hasText = !string.IsNullOrWhiteSpace(honoured ? parsed.Body : parsed.OriginalBody);
        if (!hasText && !mail.Content.Attachments.Any(a => a.Content.Length > 0))
            return new IgnoreMail($"An empty reply to {number} ({how}): no text and no attachments, nothing added.", TicketId: ticketId);
        var isInternal = honoured && parsed.Has("internal");
        return new AddNote($"Added as a note to {number}: {how}.", ticketId,
            isInternal ? CaseLogKind.Private : CaseLogKind.Public, hasText ? RequestBuilder.Body(mail, parsed, honoured) ?? "" : "",
            RequestBuilder.Format(mail, honoured ? parsed : parsed with { Parameters = [] }, honoured))
        {
            Notes = honoured ? NoteParameters.IgnoredNote(parsed.Parameters, NoteParameters.ForTheNote) : [],
        };
    }
}
