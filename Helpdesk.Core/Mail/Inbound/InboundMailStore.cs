using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
    TimeProvider clock,
    ILogger<InboundMailStore> logger)
{
    /// <summary>Fetchers store at most this many mails, and this many bytes, per <see cref="StoreBatchAsync"/> (one larger mail goes alone).</summary>
    public const int BatchMails = 200;
    public const long BatchBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Reads and stores one message of a fetch, so that it cannot hold up the messages behind it. On failure it logs and
    /// returns null: the caller leaves the message on the server, where the next fetch tries it again. Only cancellation
    /// or a lost connection (<paramref name="connected"/> false) ends the fetch.
    /// </summary>
    public async Task<(long Id, bool IsNew)?> TryStoreAsync(string mailbox, string where, Func<CancellationToken, Task<byte[]>> read,
        Func<byte[], string> serverIdOf, Func<bool> connected, CancellationToken ct)
    {
        try
        {
            var raw = await read(ct);
            return await StoreAsync(mailbox, serverIdOf(raw), raw, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && connected())
        {
            LogNotStored(ex, mailbox, where);
            return null;
        }
    }

    /// <returns>
    /// The row id, and whether it is new (false: this item of this mailbox was stored before). Every other item gets a
    /// row of its own, even one with the bytes or the Message-ID of an earlier mail: processing tells them apart.
    /// </returns>
    public async Task<(long Id, bool IsNew)> StoreAsync(string mailbox, string serverId, byte[] raw, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var known = await db.Set<InboundMessage>().Where(m => m.Mailbox == mailbox && m.ServerId == serverId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (known is { } knownId) return (knownId, false);

        var row = NewRow(mailbox, serverId, raw);
        if (!blobs.KeepsAsRow(raw.Length)) await KeepRawAsync(within: null, row, raw, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (blobs.KeepsAsRow(raw.Length)) await KeepRawAsync(db, row, raw, ct);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            // Another fetcher stored the same mail at the same moment: that row wins.
            await using var again = await contextFactory.CreateDbContextAsync(ct);
            var id = await again.Set<InboundMessage>().Where(m => m.Mailbox == mailbox && m.ServerId == serverId).Select(m => m.Id).FirstAsync(ct);
            return (id, false);
        }
        return (row.Id, true);
    }

    /// <summary>
    /// Stores a batch of fetched mails in one transaction, with the raw copies that are rows (rows for mails stored before
    /// are found, not duplicated). A mail whose raw copy its folder cannot take is logged and left out (null): it stays on
    /// the server for the next fetch.
    /// </summary>
    /// <returns>Per item, as <see cref="StoreAsync"/>, or null when it was not stored.</returns>
    public async Task<(long Id, bool IsNew)?[]> StoreBatchAsync(string mailbox, IReadOnlyList<(string ServerId, byte[] Raw)> items, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var serverIds = items.Select(i => i.ServerId).ToList();
        var known = await db.Set<InboundMessage>().Where(m => m.Mailbox == mailbox && serverIds.Contains(m.ServerId))
            .ToDictionaryAsync(m => m.ServerId, m => m.Id, ct);
        var results = new (long Id, bool IsNew)?[items.Count];
        for (var i = 0; i < items.Count; i++)
            if (known.TryGetValue(items[i].ServerId, out var knownId)) results[i] = (knownId, false);
        // Headers are read and raw copies that are files written on the thread pool, in parallel, before the transaction;
        // raw copies that are rows are written with the mails' rows on this thread, in the transaction (on SQLite, writes
        // of their own from many threads would queue for its one write lock).
        var prepared = await Task.WhenAll(Enumerable.Range(0, items.Count).Where(i => results[i] is null).Select(i => Task.Run(async () =>
        {
            try
            {
                var (serverId, raw) = items[i];
                var row = NewRow(mailbox, serverId, raw);
                if (!blobs.KeepsAsRow(raw.Length)) await KeepRawAsync(within: null, row, raw, ct);
                return (Index: i, Row: row);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotStored(ex, mailbox, items[i].ServerId);
                return (Index: i, Row: (InboundMessage?)null);
            }
        }, ct)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = prepared.Where(p => p.Row is not null).Select(p => (p.Index, Row: p.Row!)).ToList();
        foreach (var (index, row) in added)
            if (blobs.KeepsAsRow(items[index].Raw.Length)) await KeepRawAsync(db, row, items[index].Raw, ct);
        db.AddRange(added.Select(a => a.Row));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            // Another fetcher stored some of them at the same moment: one at a time, its rows win.
            foreach (var (index, _) in added)
            {
                var (serverId, raw) = items[index];
                results[index] = await TryStoreAsync(mailbox, serverId, _ => Task.FromResult(raw), _ => serverId, () => true, ct);
            }
            return results;
        }
        foreach (var (index, row) in added) results[index] = (row.Id, true);
        return results;
    }

    private void LogNotStored(Exception ex, string mailbox, string serverId) =>
        logger.LogWarning(ex, "Mail {Where} in mailbox {Mailbox} could not be stored; it stays on the server for the next fetch", serverId, mailbox);

    /// <summary>
    /// Keeps the raw bytes and names them on the row: a file before the row's transaction begins (<paramref name="within"/>
    /// null), a row within it (<see cref="BlobStore.KeepsAsRow"/>).
    /// </summary>
    private async Task KeepRawAsync(HelpdeskDbContext? within, InboundMessage row, byte[] raw, CancellationToken ct)
    {
        if (raw.Length > 0) row.RawSha256 = await blobs.StoreAsync(raw, within, ct);
    }

    /// <summary>The row of a fetched mail, its raw copy not kept yet (<see cref="KeepRawAsync"/>).</summary>
    private InboundMessage NewRow(string mailbox, string serverId, byte[] raw)
    {
        var (messageId, from, sender, subject) = IsBlank(raw) ? (BlankMessageId(mailbox, serverId), null, null, null) : Headers(raw);

        var problem = Problem(raw);
        return new InboundMessage
        {
            Mailbox = mailbox,
            ServerId = serverId,
            MessageId = messageId,
            RawSha256 = EmptySha256,
            Size = raw.Length,
            From = Truncate(from, 500),
            SenderAddress = Truncate(sender, 320),
            Subject = Truncate(subject, 1000),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Status = problem is null ? InboundStatus.Received : InboundStatus.Quarantined,
            Error = problem,
        };
    }

    public async Task<byte[]> ReadRawAsync(InboundMessage message, CancellationToken ct)
    {
        if (message.Size == 0) return [];
        await using var stream = blobs.OpenRead(message.RawSha256);
        using var buffer = new MemoryStream((int)Math.Min(message.Size, Array.MaxLength));
        await stream.CopyToAsync(buffer, ct);
        // The stored size is the raw mail's: the buffer is then exactly full and is returned as it is, not copied.
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    // The blob store keeps no empty files; the digest of nothing stands in, and ReadRawAsync knows it.
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    private string? Problem(byte[] raw) =>
        IsBlank(raw) ? $"The mail is empty ({raw.Length} bytes, no headers or text): the mailbox delivered no content, so there is nothing to process."
        : raw.Length > options.Value.MaxMessageSizeBytes ? $"The mail is larger than the limit of {BlobStore.FormatSize(options.Value.MaxMessageSizeBytes)}."
        : RawMailStart.Find(raw) is { HeadersTooLarge: true } start ? start.TooLargeReason
        : null;

    // POP3 hands a 0-byte message over as a bare line break.
    private static bool IsBlank(byte[] raw) => raw.All(b => b is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t');

    // Every empty mail has the same content, so its id comes from where it was found: each one gets its own row.
    private static string BlankMessageId(string mailbox, string serverId) =>
        $"<empty-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mailbox + "\n" + serverId)))[..32]}@no-message-id.helpdesk.invalid>";

    private static (string MessageId, string? From, string? SenderAddress, string? Subject) Headers(byte[] raw)
    {
        // No headers at all, or too large to read: processing quarantines it with a clear error.
        if (InboundMailReader.LoadHeaders(raw) is not { } headers) return (InboundMailReader.SyntheticMessageId(raw), null, null, null);
        var id = headers[HeaderId.MessageId];
        var messageId = string.IsNullOrWhiteSpace(id) ? InboundMailReader.SyntheticMessageId(raw) : "<" + MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault() + ">";
        if (messageId == "<>") messageId = InboundMailReader.SyntheticMessageId(raw);
        return (messageId, headers[HeaderId.From], InboundMailReader.SenderOf(raw, headers).Address, headers[HeaderId.Subject]?.Trim());
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
