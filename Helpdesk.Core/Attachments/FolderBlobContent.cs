using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Attachments;

/// <summary>One file per content under a folder, in sub-folders by the hash's first two characters.</summary>
public sealed class FolderBlobContent(string root) : IBlobContent
{
    public string Root { get; } = root;

    public string ScratchFolder => Root;

    public bool Exists(string sha256, HelpdeskDbContext? within) => File.Exists(PathFor(sha256));

    public bool IsRow(long size) => false;

    public Stream? OpenRead(string sha256)
    {
        var path = PathFor(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public Task PutFileAsync(string sha256, string scratchFile, CancellationToken ct)
    {
        var target = PathFor(sha256);
        if (File.Exists(target)) return Task.CompletedTask;
        MoveIntoPlace(scratchFile, target);
        return Task.CompletedTask;
    }

    /// <param name="within">Not used: a file is never part of a database transaction.</param>
    public Task PutAsync(string sha256, ReadOnlyMemory<byte> content, HelpdeskDbContext? within, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var target = PathFor(sha256);
        if (File.Exists(target)) return Task.CompletedTask;
        // Through a temporary file beside the target, so a crash never leaves a partial file under the hash's name. A
        // plain write: on Linux an "async" file write is the same blocking write on another thread, plus the hop. Every
        // sent mail's raw copy comes this way, so it costs as few file-system calls as it can: the sub-folder is created
        // only when it is missing, and the new file is neither truncated nor preallocated.
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".upload-{Guid.NewGuid():N}");
        try
        {
            WriteNewFile(temp, content.Span);
            MoveIntoPlace(temp, target);
        }
        catch
        {
            DeleteIfAny(temp);
            throw;
        }
        return Task.CompletedTask;
    }

    /// <summary>Cleans up after a failed put without hiding its error (deleting from a folder never made throws too).</summary>
    private static void DeleteIfAny(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Replaces a file put meanwhile by another writer, which has the same content.</summary>
    private static void MoveIntoPlace(string file, string target) => CreatingTheFolderIfMissing(target, () =>
    {
        File.Move(file, target, overwrite: true);
        return target;
    });

    private static void WriteNewFile(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = CreatingTheFolderIfMissing(path, () => File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None));
        RandomAccess.Write(file, bytes, fileOffset: 0);
    }

    /// <summary>
    /// Runs a call on <paramref name="path"/>, creating its folder and calling again if that folder is missing: one call
    /// in the usual case, where making sure of the folder first costs a call every time. .NET names a missing folder
    /// FileNotFound when another put made the folder between the failed call and its look at the folder, so both
    /// count; a file that is really missing (a move's source) fails the second call as well.
    /// </summary>
    private static T CreatingTheFolderIfMissing<T>(string path, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return call();
        }
    }

    public async IAsyncEnumerable<string> HashesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file);
            if (BlobHash.IsValid(name) && Path.GetFileName(Path.GetDirectoryName(file)) == name[..2]) yield return name;
        }
        await Task.CompletedTask;
    }

    private string PathFor(string sha256) => Path.Combine(Root, BlobHash.Checked(sha256)[..2], sha256);
}
