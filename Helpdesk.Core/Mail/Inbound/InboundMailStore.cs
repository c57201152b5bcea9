using Helpdesk.Core.Attachments;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound;

/// <summary>
/// The first thing that happens to a fetched mail: its raw bytes are kept and an <see cref="InboundMessage"/> row is
/// committed. Only after that may a fetcher flag, move or delete the mail on the server.
/// </summary>
public sealed class InboundMailStore(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    BlobStore blobs,
    IOptions<InboundMailOptions> options,
    TimeProvider clock)
{
    /// <returns>The row id, and whether it is new (false: this mail was stored before, by server id or Message-ID).</returns>
    public async Task<(long Id, bool IsNew)> StoreAsync(string mailbox, string serverId, byte[] raw, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var known = await db.Set<InboundMessage>().Where(m => m.Mailbox == mailbox && m.ServerId == serverId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (known is { } knownId) return (knownId, false);

        var (messageId, from, subject) = Headers(raw);
        var sameMail = await db.Set<InboundMessage>().Where(m => m.MessageId == messageId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (sameMail is { } sameId) return (sameId, false);

        var blob = await blobs.StageAsync("message.eml", "message/rfc822", new MemoryStream(raw, writable: false),
            Math.Max(options.Value.MaxMessageSizeBytes, raw.Length), ct);
        var row = new InboundMessage
        {
            Mailbox = mailbox,
            ServerId = serverId,
            MessageId = messageId,
            RawSha256 = blob.Sha256,
            Size = raw.Length,
            From = Truncate(from, 500),
            Subject = Truncate(subject, 1000),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Status = raw.Length > options.Value.MaxMessageSizeBytes ? InboundStatus.Quarantined : InboundStatus.Received,
            Error = raw.Length > options.Value.MaxMessageSizeBytes ? $"The mail is larger than the limit of {BlobStore.FormatSize(options.Value.MaxMessageSizeBytes)}." : null,
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another fetcher stored the same mail at the same moment: that row wins.
            await using var again = await contextFactory.CreateDbContextAsync(ct);
            var id = await again.Set<InboundMessage>().Where(m => m.MessageId == messageId || (m.Mailbox == mailbox && m.ServerId == serverId))
                .Select(m => m.Id).FirstAsync(ct);
            return (id, false);
        }
        return (row.Id, true);
    }

    public async Task<byte[]> ReadRawAsync(InboundMessage message, CancellationToken ct)
    {
        await using var stream = blobs.OpenRead(message.RawSha256);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static (string MessageId, string? From, string? Subject) Headers(byte[] raw)
    {
        InboundMailReader.EnsureCharsets();
        try
        {
            var headers = HeaderList.Load(new MemoryStream(raw, writable: false));
            var id = headers[HeaderId.MessageId];
            var messageId = string.IsNullOrWhiteSpace(id) ? InboundMailReader.SyntheticMessageId(raw) : "<" + MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault() + ">";
            if (messageId == "<>") messageId = InboundMailReader.SyntheticMessageId(raw);
            return (messageId, headers[HeaderId.From], headers[HeaderId.Subject] is { } s ? MimeKit.Utils.Rfc2047.DecodeText(System.Text.Encoding.UTF8.GetBytes(s)) : null);
        }
        catch (FormatException)
        {
            // Not even headers: keep it anyway; processing will quarantine it with a clear error.
            return (InboundMailReader.SyntheticMessageId(raw), null, null);
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
