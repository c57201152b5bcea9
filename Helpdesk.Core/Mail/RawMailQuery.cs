using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail;

/// <summary>Where the bytes of a mail in or out are kept, for whoever may open the original mail of its ticket.</summary>
public sealed class RawMailQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, ILogger<RawMailQuery> logger)
{
    /// <returns>The blob hash of the received mail, or null when there is none or the actor may not open it.</returns>
    public async Task<string?> InboundAsync(long id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var mail = await db.Set<InboundMessage>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new StoredMail(m.TicketId, m.RawSha256)).FirstOrDefaultAsync(ct);
        return await AllowedAsync(db, "inbound", id, mail, actor, ct);
    }

    /// <returns>The blob hash of the sent mail, or null when it has none (yet) or the actor may not open it.</returns>
    public async Task<string?> OutboundAsync(long id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var mail = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new StoredMail(m.TicketId, m.RawSha256)).FirstOrDefaultAsync(ct);
        return await AllowedAsync(db, "outbound", id, mail, actor, ct);
    }

    private async Task<string?> AllowedAsync(HelpdeskDbContext db, string direction, long id, StoredMail? mail, Actor actor, CancellationToken ct)
    {
        if (mail is null) return null;
        var allowed = mail.TicketId is { } ticketId
            ? await TicketAccess.AllowsAsync(db, actor, ticketId, TicketOperation.ViewRawMail, ct)
            : TicketAccess.AllowsAgent(actor, TicketOperation.ViewRawMail);
        if (allowed) return mail.Sha256;
        logger.LogWarning("Refused the original of {Direction} mail {MailId} (ticket {TicketId}) to {ActorKind} {ActorName} (person {PersonId})",
            direction, id, mail.TicketId, actor.Kind, actor.Name, actor.PersonId);
        return null;
    }

    private sealed record StoredMail(int? TicketId, string? Sha256);
}
