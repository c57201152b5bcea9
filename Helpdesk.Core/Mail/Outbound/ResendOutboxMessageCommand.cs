using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>Puts a failed mail back in the queue, due now, with the same Message-ID.</summary>
public sealed class ResendOutboxMessageCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock)
{
    public async Task ExecuteAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("That mail is no longer in the outbox.");
        if (message.Status != OutboxStatus.Failed)
            throw new ValidationFailedException("status", "Only failed mail can be resent.");
        if (message.NeverComposed)
            throw new ValidationFailedException("status", $"This mail was never composed, so there is nothing to resend: {message.LastError}");
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
