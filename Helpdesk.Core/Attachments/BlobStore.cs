using System.Security.Cryptography;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Attachments;

/// <summary>Content-addressed file store under the data folder: one file per distinct content, named by its SHA-256.</summary>
public sealed class BlobStore(DataFolder dataFolder, IOptions<AttachmentOptions> options)
{
    private readonly string _root = dataFolder.Combine("attachments");

    public long MaxFileSizeBytes => options.Value.MaxFileSizeBytes;

    /// <summary>Validates and stores a file; the returned <see cref="StagedFile"/> can be attached later.</summary>
    public Task<StagedFile> StageAsync(string fileName, string? contentType, Stream content, CancellationToken ct) =>
        StageAsync(fileName, contentType, content, MaxFileSizeBytes, ct);

    /// <summary>Stores content under an explicit size limit (e.g. whole received mails, which may exceed the attachment limit).</summary>
    public async Task<StagedFile> StageAsync(string fileName, string? contentType, Stream content, long maxBytes, CancellationToken ct)
    {
        var name = CleanFileName(fileName);
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size;
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                size = await CopyWithLimitAsync(content, file, sha, name, maxBytes, ct);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (size == 0)
                throw new ValidationFailedException("file", $"\"{name}\" is empty (0 bytes) and was not attached.");
            var target = PathFor(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
                File.Move(temp, target, overwrite: true);
            return new StagedFile(name, string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType, size, hash);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Stores content already in memory (a composed mail) and returns its SHA-256: hashed in memory, written only when
    /// no copy exists yet, through a temporary file so a crash never leaves a partial file under the hash's name.
    /// </summary>
    public async Task<string> StoreAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var target = PathFor(hash);
        if (File.Exists(target)) return hash;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(_root, $".upload-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return hash;
    }

    public Stream OpenRead(string sha256)
    {
        var path = PathFor(sha256);
        if (!File.Exists(path)) throw new NotFoundException("The attachment's content is missing from the file store.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    /// <summary>Refuses a file whose (announced or counted) size is over the attachment limit, with a message naming both.</summary>
    public void EnsureWithinLimit(string fileName, long size)
    {
        if (size > MaxFileSizeBytes) throw TooLarge(CleanFileName(fileName), MaxFileSizeBytes, size);
    }

    private static ValidationFailedException TooLarge(string name, long maxBytes, long? size) => new("file",
        $"\"{name}\"{(size is { } s ? $" ({FormatSize(s)})" : "")} is larger than the limit of {FormatSize(maxBytes)} and was not attached.");

    public bool Exists(string sha256) => File.Exists(PathFor(sha256));

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

    private string PathFor(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        return Path.Combine(_root, sha256[..2], sha256);
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
