using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// PostgreSQL only: an install that ran on SQLite kept its Data Protection keys in the data folder. While the database
/// holds none, those are copied in at start, so login cookies and saved mailbox passwords survive the move.
/// </summary>
internal sealed class DataFolderKeysImport(IDbContextFactory<HelpdeskDbContext> contextFactory, DataFolder dataFolder, ILogger<DataFolderKeysImport> logger)
    : IStartupSeeder
{
    public int Order => -100; // before any seeder could protect something with a new key

    public async Task SeedAsync(CancellationToken ct)
    {
        var folder = dataFolder.Combine("keys");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "key-*.xml") : [];
        if (files.Length == 0) return;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Instances starting together take turns, so the keys are copied once.
        await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "DataProtectionKeys" IN EXCLUSIVE MODE""", ct);
        if (await db.DataProtectionKeys.AnyAsync(ct)) return;
        foreach (var file in files)
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file, ct) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Copied {Count} Data Protection key(s) from {Folder} into the database, which every instance now shares", files.Length, folder);
    }
}
