using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// How processing ended for a received mail. It is written in the transaction of the change it describes, so a
/// ticket or note never exists without its mail saying so, and a mail never says so without it. Only a row still
/// pending takes an outcome: when two workers process the same mail, the later one's transaction rolls back.
/// </summary>
public sealed record InboundOutcome(InboundStatus Status, string? Text, int? TicketId = null, string? Error = null)
{
    public static InboundOutcome Quarantined(string error) => new(InboundStatus.Quarantined, null, Error: error);

    /// <param name="senderAddress">The sender as read now (null keeps what the store read).</param>
    /// <exception cref="InboundMailTakenException">The row is no longer pending: another worker finished it first.</exception>
    public async Task WriteAsync(HelpdeskDbContext db, InboundClaim claim, int attempts, string? senderAddress, DateTime processedAt, CancellationToken ct)
    {
        var written = await db.Set<InboundMessage>()
            .Where(m => m.Id == claim.InboundId && m.Status == InboundStatus.Received && m.ClaimToken == claim.Token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, Status)
            .SetProperty(m => m.Outcome, Text)
            .SetProperty(m => m.TicketId, TicketId)
            .SetProperty(m => m.Error, Error)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.SenderAddress, m => senderAddress ?? m.SenderAddress)
            .SetProperty(m => m.ProcessedAt, processedAt)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimExpiresAt, (DateTime?)null), ct);
        if (written == 0) throw new InboundMailTakenException(claim.InboundId);
    }
}

public sealed class InboundMailTakenException(long inboundId) : Exception($"Received mail #{inboundId} was finished by another worker.");
