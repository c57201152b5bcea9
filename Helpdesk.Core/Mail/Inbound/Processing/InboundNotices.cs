using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// The polite notices that go back when a mail is not registered. They are added to the caller's context, which saves
/// them together with the mail's outcome. The caller makes sure automated mail gets none.
/// </summary>
public sealed class InboundNotices(CorrespondenceSettings correspondence, CorrespondenceMail correspondenceMail)
{
    public async Task<bool> QueueOverlimitNoticeAsync(HelpdeskDbContext db, RefuseOverLimit over, CancellationToken ct)
    {
        if (!(await correspondence.GetAsync(db, ct)).OverlimitNotice) return false;
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == over.PersonId, ct);
        var facts = new Notifications.TicketFacts { Values = new Dictionary<string, object?>(), FriendlyNames = new Dictionary<string, string?>(), Entries = [], CurrentContact = person };
        await correspondenceMail.QueueNoticeAsync(db, CorrespondenceKind.OverlimitNotice, facts,
            new OutboxRecipient(person.PrimaryEmail, person.Name, "the requester, who reached the open-ticket limit"), ct);
        return true;
    }

    /// <summary>The wording is the editable Unknown / Inactive sender notice template; it answers the mail it refuses.</summary>
    public async Task QueueRejectionNoticeAsync(HelpdeskDbContext db, RejectSender reject, InboundMailContent content, CancellationToken ct)
    {
        var (template, kind, why) = reject.Reason == RejectionReason.InactivePerson
            ? (CorrespondenceKind.InactiveSenderNotice, "notice:inactive_sender", "the sender, whose person record is inactive")
            : (CorrespondenceKind.UnknownSenderNotice, "notice:unknown_sender", "the sender of a mail from an unknown address");
        var sender = new Person { Name = content.FromName ?? reject.SenderAddress, PrimaryEmail = reject.SenderAddress };
        var facts = new Notifications.TicketFacts
        {
            Values = new Dictionary<string, object?> { ["title"] = content.Subject }, FriendlyNames = new Dictionary<string, string?>(), Entries = [], CurrentContact = sender,
        };
        await correspondenceMail.QueueNoticeAsync(db, template, facts, new OutboxRecipient(reject.SenderAddress, null, why), ct, kind, inReplyTo: content.MessageId);
    }
}
