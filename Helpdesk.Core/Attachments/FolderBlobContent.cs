namespace Helpdesk.Core.Attachments;

/// <summary>One file per content under a folder, in sub-folders by the hash's first two characters.</summary>
public sealed class FolderBlobContent(string root) : IBlobContent
{
    public string Root { get; } = root;

    public string ScratchFolder => Root;

    public bool Exists(string sha256) => File.Exists(PathFor(sha256));

    public Stream? OpenRead(string sha256)
    {
        var path = PathFor(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public Task PutFileAsync(string sha256, string scratchFile, CancellationToken ct)
    {
        var target = PathFor(sha256);
        if (File.Exists(target)) return Task.CompletedTask;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(scratchFile, target, overwrite: true);
        return Task.CompletedTask;
    }

    public async Task PutAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var target = PathFor(sha256);
        if (File.Exists(target)) return;
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // Through a temporary file beside the target, so a crash never leaves a partial file under the hash's name. A
        // plain write: on Linux an "async" file write is the same blocking write on another thread, plus the hop.
        var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(temp, content.Span);
            await PutFileAsync(sha256, temp, ct);
        }
        finally
        {
            File.Delete(temp); // left when the same content was put meanwhile
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
