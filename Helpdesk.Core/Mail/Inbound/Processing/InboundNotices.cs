using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>The polite notices that go back when a mail is not registered. The caller makes sure automated mail gets none.</summary>
public sealed class InboundNotices(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    IOptions<InboundMailOptions> options,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<CorrespondenceOptions> correspondence,
    CorrespondenceMail correspondenceMail,
    TimeProvider clock)
{
    public async Task<bool> SendOverlimitNoticeAsync(RefuseOverLimit over, CancellationToken ct)
    {
        if (!correspondence.Value.OverlimitNotice) return false;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == over.PersonId, ct);
        var facts = new Notifications.TicketFacts { Values = new Dictionary<string, object?>(), FriendlyNames = new Dictionary<string, string?>(), Entries = [], CurrentContact = person };
        await correspondenceMail.QueueAsync(db, CorrespondenceKind.OverlimitNotice, facts, null,
            [new OutboxRecipient(person.PrimaryEmail, person.Name, "the requester, who reached the open-ticket limit")], ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task SendRejectionNoticeAsync(RejectSender reject, InboundMailContent content, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var host = new Uri(helpdesk.Value.PublicUrl).Host;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(OutboxMail.Create("notice:unknown_sender", null, options.Value.AccountAddress,
            [new OutboxRecipient(reject.SenderAddress, null, "the sender of a mail from an unknown address")],
            "Re: " + content.Subject,
            "Hello,\n\nWe received your message, but we could not register it: your address is not known to our helpdesk. "
                + "Please contact us through your usual support channel so we can add you.\n\nThis is an automatic message.",
            null, host, now, inReplyTo: content.MessageId));
        await db.SaveChangesAsync(ct);
    }
}
