using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// The polite notices that go back when a mail is not registered. They are added to the caller's context, which saves
/// them together with the mail's outcome. The caller makes sure automated mail gets none.
/// </summary>
public sealed class InboundNotices(
    IOptions<InboundMailOptions> options,
    IOptions<HelpdeskOptions> helpdesk,
    CorrespondenceSettings correspondence,
    CorrespondenceMail correspondenceMail,
    TimeProvider clock)
{
    public async Task<bool> QueueOverlimitNoticeAsync(HelpdeskDbContext db, RefuseOverLimit over, CancellationToken ct)
    {
        if (!(await correspondence.GetAsync(db, ct)).OverlimitNotice) return false;
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == over.PersonId, ct);
        var facts = new Notifications.TicketFacts { Values = new Dictionary<string, object?>(), FriendlyNames = new Dictionary<string, string?>(), Entries = [], CurrentContact = person };
        await correspondenceMail.QueueAsync(db, CorrespondenceKind.OverlimitNotice, facts, null,
            [new OutboxRecipient(person.PrimaryEmail, person.Name, "the requester, who reached the open-ticket limit")], ct);
        return true;
    }

    public void QueueRejectionNotice(HelpdeskDbContext db, RejectSender reject, InboundMailContent content)
    {
        var host = new Uri(helpdesk.Value.PublicUrl).Host;
        var now = clock.GetUtcNow().UtcDateTime;
        var (kind, why, text) = reject.Reason == RejectionReason.InactivePerson
            ? ("notice:inactive_sender", "the sender, whose person record is inactive",
                "your account with our helpdesk is no longer active. Please contact us through your usual support channel if you still need help.")
            : ("notice:unknown_sender", "the sender of a mail from an unknown address",
                "your address is not known to our helpdesk. Please contact us through your usual support channel so we can add you.");
        db.Add(OutboxMail.Create(kind, null, options.Value.AccountAddress, [new OutboxRecipient(reject.SenderAddress, null, why)],
            "Re: " + content.Subject,
            $"Hello,\n\nWe received your message, but we could not register it: {text}\n\nThis is an automatic message.",
            null, host, now, inReplyTo: content.MessageId));
    }
}
