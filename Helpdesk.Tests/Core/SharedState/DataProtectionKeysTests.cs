using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.SharedState;

public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task Unprotect_PayloadProtectedOnAnotherPostgresInstance_ReadsIt()
    {
        await using var a = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var b = await a.StartAnotherInstanceAsync();
        var protectedOnA = a.Get<IDataProtectionProvider>().CreateProtector("Helpdesk.Tests").Protect("mailbox password");

        var onB = b.Get<IDataProtectionProvider>().CreateProtector("Helpdesk.Tests").Unprotect(protectedOnA);

        Assert.Equal("mailbox password", onB);
        await using var db = await a.DbAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Empty(Directory.EnumerateFiles(a.DataFolder, "*.xml", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Protect_OnSqlite_KeepsTheKeysInTheDataFolder()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);

        host.Get<IDataProtectionProvider>().CreateProtector("Helpdesk.Tests").Protect("mailbox password");

        Assert.Single(Directory.EnumerateFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml"));
        await using var db = await host.DbAsync();
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Start_OnMigratedPostgresWithKeysInTheDataFolder_UnprotectsWhatSqliteProtected()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        string protectedOnSqlite;
        await using (var sqlite = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite))
        {
            protectedOnSqlite = sqlite.Get<IDataProtectionProvider>().CreateProtector("Helpdesk.Tests").Protect("mailbox password");
            CopyFolder(Path.Combine(sqlite.DataFolder, "keys"), Path.Combine(dataFolder, "keys"));
        }
        try
        {
            // The schema exists before the moved install starts (as after copying the data), and holds no keys yet.
            await using var migrated = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
            await using (var db = await migrated.DbAsync())
                await db.DataProtectionKeys.ExecuteDeleteAsync();
            await using var moved = await migrated.StartAnotherInstanceAsync(new Dictionary<string, string?> { ["Helpdesk:DataFolder"] = dataFolder });

            var onPostgres = moved.Get<IDataProtectionProvider>().CreateProtector("Helpdesk.Tests").Unprotect(protectedOnSqlite);

            Assert.Equal("mailbox password", onPostgres);
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
