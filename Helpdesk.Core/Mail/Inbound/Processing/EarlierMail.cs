using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// An earlier received mail that a claimed one repeats: the same raw bytes (the claimed one is a duplicate) or the same
/// Message-ID (it is processed as a mail of its own, with a remark).
/// </summary>
public sealed record EarlierMail(long Id, string RawSha256, string MessageId)
{
    /// <summary>
    /// The earlier mails of each claimed row, oldest first, read for the whole claimed batch at once. What they are
    /// compared by is written once, when a mail is stored, so reading them before the batch is applied finds what reading
    /// each inside the batch's transaction did.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<EarlierMail>>> OfAsync(HelpdeskDbContext db, IReadOnlyList<InboundMessage> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0) return new Dictionary<long, IReadOnlyList<EarlierMail>>();
        var hashes = rows.Select(r => r.RawSha256).Distinct().ToList();
        var messageIds = rows.Select(r => r.MessageId).Distinct().ToList();
        var last = rows.Max(r => r.Id);
        var candidates = await db.Set<InboundMessage>().AsNoTracking()
            .Where(m => m.Id < last && m.Size > 0 && (hashes.Contains(m.RawSha256) || messageIds.Contains(m.MessageId)))
            .OrderBy(m => m.Id).Select(m => new EarlierMail(m.Id, m.RawSha256, m.MessageId)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (IReadOnlyList<EarlierMail>)
            [.. candidates.Where(c => c.Id < r.Id && (c.RawSha256 == r.RawSha256 || c.MessageId == r.MessageId))]);
    }
}
