using System.Security.Cryptography;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Attachments;

/// <summary>
/// Content-addressed store of attachments, staged files and raw mail: one copy per distinct content, keyed by its
/// SHA-256, kept where <c>Blobs:Store</c> says (<see cref="IBlobContent"/>).
/// </summary>
public sealed class BlobStore(IBlobContent content, IOptions<AttachmentOptions> options)
{
    public long MaxFileSizeBytes => options.Value.MaxFileSizeBytes;

    /// <summary>Validates and stores a file; the returned <see cref="StagedFile"/> can be attached later.</summary>
    public Task<StagedFile> StageAsync(string fileName, string? contentType, Stream source, CancellationToken ct) =>
        StageAsync(fileName, contentType, source, MaxFileSizeBytes, ct);

    /// <summary>Stores content under an explicit size limit (e.g. whole received mails, which may exceed the attachment limit).</summary>
    public async Task<StagedFile> StageAsync(string fileName, string? contentType, Stream source, long maxBytes, CancellationToken ct)
    {
        var name = CleanFileName(fileName);
        Directory.CreateDirectory(content.ScratchFolder);
        var temp = Path.Combine(content.ScratchFolder, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size;
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                size = await CopyWithLimitAsync(source, file, sha, name, maxBytes, ct);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (size == 0) throw Empty(name);
            await content.PutFileAsync(hash, temp, ct);
            return Staged(name, contentType, size, hash);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Validates and stores a file already in memory (a received mail's attachment): no staging copy on disk.</summary>
    /// <param name="within">See <see cref="StoreAsync"/>.</param>
    public async Task<StagedFile> StageAsync(string fileName, string? contentType, ReadOnlyMemory<byte> content, HelpdeskDbContext? within, CancellationToken ct)
    {
        var name = CleanFileName(fileName);
        if (content.Length == 0) throw Empty(name);
        if (content.Length > MaxFileSizeBytes) throw TooLarge(name, MaxFileSizeBytes, content.Length);
        return Staged(name, contentType, content.Length, await StoreAsync(content, within, ct));
    }

    /// <summary>Stores content already in memory (a sent or received mail) and returns its SHA-256.</summary>
    /// <param name="within">
    /// See <see cref="IBlobContent.PutAsync"/>: the caller's transaction, where the content goes to the database. A
    /// caller holding a transaction must pass it: on SQLite a put of its own would wait for that transaction's write lock.
    /// </param>
    public async Task<string> StoreAsync(ReadOnlyMemory<byte> bytes, HelpdeskDbContext? within, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        await content.PutAsync(hash, bytes, within, ct);
        return hash;
    }

    /// <summary>Whether <see cref="StoreAsync"/> keeps content of this size as a row that joins the caller's transaction (<see cref="IBlobContent.IsRow"/>).</summary>
    public bool KeepsAsRow(long size) => content.IsRow(size);

    public Stream OpenRead(string sha256) =>
        content.OpenRead(sha256) ?? throw new NotFoundException("The attachment's content is missing from the file store.");

    /// <summary>Refuses a file whose (announced or counted) size is over the attachment limit, with a message naming both.</summary>
    public void EnsureWithinLimit(string fileName, long size)
    {
        if (size > MaxFileSizeBytes) throw TooLarge(CleanFileName(fileName), MaxFileSizeBytes, size);
    }

    private static StagedFile Staged(string name, string? contentType, long size, string sha256) =>
        new(name, string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType, size, sha256);

    private static ValidationFailedException Empty(string name) => new("file", $"\"{name}\" is empty (0 bytes) and was not attached.");

    private static ValidationFailedException TooLarge(string name, long maxBytes, long? size) => new("file",
        $"\"{name}\"{(size is { } s ? $" ({FormatSize(s)})" : "")} is larger than the limit of {FormatSize(maxBytes)} and was not attached.");

    /// <param name="within">A context whose transaction's own puts count too (content stored with it and not committed yet).</param>
    public bool Exists(string sha256, HelpdeskDbContext? within = null) => content.Exists(sha256, within);

    private static async Task<long> CopyWithLimitAsync(Stream source, Stream target, IncrementalHash sha, string name, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes) throw TooLarge(name, maxBytes, size: null);
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return total;
    }

    private static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return string.IsNullOrEmpty(name) ? "attachment" : name.Length > 255 ? name[^255..] : name;
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024d / 1024d:0.#} MB",
        >= 1024 => $"{bytes / 1024d:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
