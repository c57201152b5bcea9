using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Attachments;

/// <summary>Both <c>Blobs:Store</c> kinds behind <see cref="BlobStore"/>, on the provider the test run uses.</summary>
public sealed class BlobContentTests
{
    private static Task<CoreTestHost> StartAsync(BlobStoreKind kind, string? folder = null, long? tableUpTo = null)
    {
        var settings = new Dictionary<string, string?> { ["Blobs:Store"] = kind.ToString(), ["Blobs:Folder"] = folder };
        if (tableUpTo is { } limit) settings["Blobs:TableUpToBytes"] = limit.ToString();
        return CoreTestHost.StartAsync(settings: settings);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static async Task<string> ReadAsync(BlobStore store, string sha256)
    {
        await using var stream = store.OpenRead(sha256);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData(BlobStoreKind.Folder)]
    [InlineData(BlobStoreKind.Database)]
    public async Task StageAsync_SameContentTwice_ReadsBackAndKeepsOneCopy(BlobStoreKind kind)
    {
        await using var host = await StartAsync(kind);
        var store = host.Get<BlobStore>();

        var first = await store.StageAsync("a.txt", "text/plain", new MemoryStream("same text"u8.ToArray()), default);
        var second = await store.StageAsync("b.txt", "text/plain", new MemoryStream("same text"u8.ToArray()), default);
        var stored = await store.StoreAsync("same text"u8.ToArray(), within: null, default);

        Assert.Equal((first.Sha256, first.Sha256), (second.Sha256, stored));
        Assert.True(store.Exists(first.Sha256));
        Assert.Equal("same text", await ReadAsync(store, first.Sha256));
        Assert.Equal([first.Sha256], await host.Get<IBlobContent>().HashesAsync(default).ToListAsync());
    }

    [Theory]
    [InlineData(BlobStoreKind.Folder)]
    [InlineData(BlobStoreKind.Database)]
    public async Task OpenRead_UnknownHash_ThrowsNotFoundAndExistsIsFalse(BlobStoreKind kind)
    {
        await using var host = await StartAsync(kind);
        var store = host.Get<BlobStore>();
        var unknown = new string('a', 64);

        Assert.False(store.Exists(unknown));
        var error = Assert.Throws<NotFoundException>(() => store.OpenRead(unknown));
        Assert.Equal("The attachment's content is missing from the file store.", error.Message);
    }

    [Fact]
    public async Task Database_StagedFile_IsARowAndNoFileInTheDataFolder()
    {
        await using var host = await StartAsync(BlobStoreKind.Database);

        var staged = await host.Get<BlobStore>().StageAsync("log.txt", null, new MemoryStream(Encoding.UTF8.GetBytes("line 1")), default);

        await using var db = await host.DbAsync();
        var row = await db.Set<StoredBlob>().SingleAsync();
        Assert.Equal((staged.Sha256, 6L, "line 1"), (row.Sha256, row.Size, Encoding.UTF8.GetString(row.Content)));
        Assert.False(Directory.Exists(Path.Combine(host.DataFolder, "attachments")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.DataFolder, "blob-scratch")));
    }

    [Fact]
    public async Task Folder_ContentUpToTheLimit_IsARowAndLargerContentAFile()
    {
        await using var host = await StartAsync(BlobStoreKind.Folder, tableUpTo: 16);
        var store = host.Get<BlobStore>();

        var small = await store.StageAsync("small.txt", null, new MemoryStream("sixteen bytes..."u8.ToArray()), default);
        var large = await store.StageAsync("large.txt", null, new MemoryStream("seventeen bytes.."u8.ToArray()), default);

        await using var db = await host.DbAsync();
        Assert.Equal([small.Sha256], await db.Set<StoredBlob>().Select(b => b.Sha256).ToListAsync());
        var root = Path.Combine(host.DataFolder, "attachments");
        Assert.Equal([Path.Combine(root, large.Sha256[..2], large.Sha256)], Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.Equal(("sixteen bytes...", "seventeen bytes.."), (await ReadAsync(store, small.Sha256), await ReadAsync(store, large.Sha256)));
        Assert.True(store.Exists(small.Sha256) && store.Exists(large.Sha256));
        Assert.Equal(new[] { small.Sha256, large.Sha256 }.Order(), (await host.Get<IBlobContent>().HashesAsync(default).ToListAsync()).Order());
    }

    [Fact]
    public async Task Folder_SmallFileKeptBeforeTheTableAndTheSameContentInTheTable_ReadsAndIsListedOnce()
    {
        await using var host = await StartAsync(BlobStoreKind.Folder);
        var bytes = "a signature kept as a file"u8.ToArray();
        var hash = Sha256(bytes);
        await new FolderBlobContent(Path.Combine(host.DataFolder, "attachments")).PutAsync(hash, bytes, within: null, default);
        var store = host.Get<BlobStore>();

        Assert.Equal("a signature kept as a file", await ReadAsync(store, hash));
        Assert.Equal(hash, await store.StoreAsync(bytes, within: null, default));

        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.Set<StoredBlob>().CountAsync());
        Assert.Equal([hash], await host.Get<IBlobContent>().HashesAsync(default).ToListAsync());
    }

    [Theory]
    [InlineData(BlobStoreKind.Folder)]
    [InlineData(BlobStoreKind.Database)]
    public async Task StoreAsync_WithinATransaction_CommitsOrRollsBackWithIt(BlobStoreKind kind)
    {
        await using var host = await StartAsync(kind);
        var store = host.Get<BlobStore>();
        var (rolledBack, committed) = ("Subject: rolled back\r\n\r\n"u8.ToArray(), "Subject: committed\r\n\r\n"u8.ToArray());

        await using var db = await host.DbAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await store.StoreAsync(rolledBack, db, default);
            Assert.True(store.Exists(Sha256(rolledBack), within: db));
            await transaction.RollbackAsync();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await store.StoreAsync(committed, db, default);
            // Seen within the transaction, not outside it before its commit.
            Assert.True(store.Exists(Sha256(committed), within: db));
            Assert.False(store.Exists(Sha256(committed)));
            await transaction.CommitAsync();
        }

        Assert.False(store.Exists(Sha256(rolledBack)));
        Assert.Equal("Subject: committed\r\n\r\n", await ReadAsync(store, Sha256(committed)));
    }

    [Fact]
    public async Task Folder_WithoutTheTable_StoreAsyncNewContentTwice_OneFileUnderItsHashAndNoTemporaryFileLeft()
    {
        await using var host = await StartAsync(BlobStoreKind.Folder, tableUpTo: 0);
        var store = host.Get<BlobStore>();

        var stored = await store.StoreAsync("composed mail"u8.ToArray(), within: null, default);
        var again = await store.StoreAsync("composed mail"u8.ToArray(), within: null, default);

        var root = Path.Combine(host.DataFolder, "attachments");
        Assert.Equal([Path.Combine(root, stored[..2], stored)], Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.Equal(stored, again);
        Assert.Equal("composed mail", await ReadAsync(store, stored));
    }

    [Fact]
    public async Task Folder_SameNewContentPutEightTimesAtOnce_OneFileUnderItsHashAndNoTemporaryFileLeft()
    {
        var root = Path.Combine(Path.GetTempPath(), "helpdesk-tests", $"race-{Guid.NewGuid():N}");
        try
        {
            var folder = new FolderBlobContent(root);
            var bytes = "sent mail, raw"u8.ToArray();
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => folder.PutAsync(hash, bytes, within: null, default))));

            Assert.Equal([Path.Combine(root, hash[..2], hash)], Directory.GetFiles(root, "*", SearchOption.AllDirectories));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(root, hash[..2], hash)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Folder_ManyNewContentsPutAtOnceIntoNewSubFolders_EveryPutSucceeds()
    {
        // Puts racing to make the same sub-folder: .NET reported the loser's missing folder as a missing file, and
        // about one put in 10,000 failed (a mail's raw copy, or an upload) before FileNotFound counted as well.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (var round = 0; round < 200; round++)
        {
            var root = Path.Combine(Path.GetTempPath(), "helpdesk-tests", $"race-{Guid.NewGuid():N}");
            var folder = new FolderBlobContent(root);
            try
            {
                await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
                {
                    var bytes = Encoding.UTF8.GetBytes($"mail {round}-{i}");
                    try
                    {
                        await folder.PutAsync(Sha256(bytes), bytes, within: null, default);
                    }
                    catch (IOException ex)
                    {
                        failures.Add(ex.Message);
                    }
                })));
                Assert.Equal(200, Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length);
            }
            finally
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Folder_TwoHostsOnOneSharedFolder_ReadEachOthersFiles()
    {
        var shared = Path.Combine(Path.GetTempPath(), "helpdesk-tests", $"shared-{Guid.NewGuid():N}");
        try
        {
            // Each host has a database of its own here, so the table must not take the content.
            await using var one = await StartAsync(BlobStoreKind.Folder, shared, tableUpTo: 0);
            await using var two = await StartAsync(BlobStoreKind.Folder, shared, tableUpTo: 0);

            var staged = await one.Get<BlobStore>().StageAsync("report.txt", null, new MemoryStream("from one"u8.ToArray()), default);

            Assert.Equal("from one", await ReadAsync(two.Get<BlobStore>(), staged.Sha256));
            Assert.True(File.Exists(Path.Combine(shared, staged.Sha256[..2], staged.Sha256)));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }
}
