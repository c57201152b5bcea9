using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Attachments;

/// <summary>Content in the StoredBlob table, so every console instance on one database sees the same files.</summary>
/// <param name="scratchFolder">Uploads are hashed in a local file there first; only finished content reaches the table.</param>
public sealed class DatabaseBlobContent(IDbContextFactory<HelpdeskDbContext> contextFactory, string scratchFolder) : IBlobContent
{
    public string ScratchFolder => scratchFolder;

    public bool IsRow(long size) => true;

    public bool Exists(string sha256, HelpdeskDbContext? within)
    {
        BlobHash.Checked(sha256);
        if (within is not null) return within.Set<StoredBlob>().Any(b => b.Sha256 == sha256);
        using var db = contextFactory.CreateDbContext();
        return db.Set<StoredBlob>().Any(b => b.Sha256 == sha256);
    }

    public Stream? OpenRead(string sha256)
    {
        BlobHash.Checked(sha256);
        using var db = contextFactory.CreateDbContext();
        var content = db.Set<StoredBlob>().Where(b => b.Sha256 == sha256).Select(b => b.Content).FirstOrDefault();
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task PutFileAsync(string sha256, string scratchFile, CancellationToken ct) =>
        await PutAsync(sha256, await File.ReadAllBytesAsync(scratchFile, ct), within: null, ct);

    public async Task PutAsync(string sha256, ReadOnlyMemory<byte> content, HelpdeskDbContext? within, CancellationToken ct)
    {
        BlobHash.Checked(sha256);
        if (within is not null)
        {
            await InsertAsync(within, sha256, content, ct);
            return;
        }
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await InsertAsync(db, sha256, content, ct);
    }

    // Two uploads of one file may race: the first insert wins and the content is the same.
    private static async Task InsertAsync(HelpdeskDbContext db, string sha256, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var bytes = content.ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "StoredBlob" ("Sha256", "Size", "Content") VALUES ({sha256}, {(long)bytes.Length}, {bytes}) ON CONFLICT DO NOTHING""", ct);
    }

    public async IAsyncEnumerable<string> HashesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await foreach (var hash in db.Set<StoredBlob>().AsNoTracking().OrderBy(b => b.Sha256).Select(b => b.Sha256).AsAsyncEnumerable().WithCancellation(ct))
            yield return hash;
    }
}
