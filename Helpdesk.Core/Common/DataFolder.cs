using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Common;

/// <summary>The resolved, existing data folder.</summary>
public sealed class DataFolder
{
    public DataFolder(IOptions<HelpdeskOptions> options, string contentRoot)
    {
        Path = System.IO.Path.GetFullPath(options.Value.DataFolder, contentRoot);
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
