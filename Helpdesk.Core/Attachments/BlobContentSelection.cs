using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Attachments;

/// <summary>The one place that turns <c>Blobs:Store</c> into an <see cref="IBlobContent"/>.</summary>
public static class BlobContentSelection
{
    public static IBlobContent For(BlobOptions options, IServiceProvider services)
    {
        var dataFolder = services.GetRequiredService<DataFolder>();
        var table = new DatabaseBlobContent(services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), dataFolder.Combine("blob-scratch"));
        return options.Store switch
        {
            BlobStoreKind.Database => table,
            _ => new FolderAndTableBlobContent(new FolderBlobContent(FolderOf(options, dataFolder)), table, Math.Max(0, options.TableUpToBytes)),
        };
    }

    public static string FolderOf(BlobOptions options, DataFolder dataFolder) =>
        Path.GetFullPath(options.Folder is { Length: > 0 } folder ? folder : "attachments", dataFolder.Path);
}
