using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Attachments;

public sealed class BlobStoreTests
{
    [Fact]
    public async Task StageAsync_OverLimit_ThrowsClearErrorAndLeavesNoFile()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Attachments:MaxFileSizeBytes"] = "10" });

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<BlobStore>().StageAsync("big.bin", null, new MemoryStream(new byte[11]), default));

        Assert.Equal("\"big.bin\" is larger than the limit of 10 bytes and was not attached.", error.Message);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.DataFolder, "attachments"), "*", SearchOption.AllDirectories));
        Assert.Empty(await host.Get<IBlobContent>().HashesAsync(default).ToListAsync());
    }

    [Fact]
    public async Task StageAsync_ZeroBytes_ThrowsClearError()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<BlobStore>().StageAsync("empty.txt", "text/plain", new MemoryStream(), default));

        Assert.Contains("empty (0 bytes)", error.Message);
    }

    [Fact]
    public async Task StageAsync_SameContentTwice_StoresOneBlobAndStripsPaths()
    {
        await using var host = await CoreTestHost.StartAsync();
        var store = host.Get<BlobStore>();

        var first = await store.StageAsync("../../etc/passwd", null, new MemoryStream([1, 2, 3]), default);
        var second = await store.StageAsync("C:\\temp\\copy.bin", "application/x-test", new MemoryStream([1, 2, 3]), default);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(("passwd", "copy.bin", "application/octet-stream"), (first.FileName, second.FileName, first.ContentType));
        Assert.Single(await host.Get<IBlobContent>().HashesAsync(default).ToListAsync());
    }

    [Fact]
    public async Task StoreAsync_BytesInMemory_SameHashAndCopyAsStagingThem()
    {
        await using var host = await CoreTestHost.StartAsync();
        var store = host.Get<BlobStore>();
        byte[] content = [.. "From: a@b.test\r\n\r\nHello"u8];

        var stored = await store.StoreAsync(content, within: null, default);
        var again = await store.StoreAsync(content, within: null, default);
        var staged = await store.StageAsync("sent.eml", "message/rfc822", new MemoryStream(content), default);

        Assert.Equal((staged.Sha256, staged.Sha256), (stored, again));
        await using var read = store.OpenRead(stored);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Single(await host.Get<IBlobContent>().HashesAsync(default).ToListAsync());
    }

    [Fact]
    public async Task StageAsync_BytesInMemory_SameFileAsStagingAStreamAndTheSameRefusals()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Attachments:MaxFileSizeBytes"] = "10" });
        var store = host.Get<BlobStore>();

        var fromMemory = await store.StageAsync("dir/report.txt", "", new ReadOnlyMemory<byte>([1, 2, 3]), within: null, default);
        var fromStream = await store.StageAsync("report.txt", null, new MemoryStream([1, 2, 3]), default);
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => store.StageAsync("empty.txt", "text/plain", ReadOnlyMemory<byte>.Empty, within: null, default));
        var big = await Assert.ThrowsAsync<ValidationFailedException>(() => store.StageAsync("big.bin", null, new ReadOnlyMemory<byte>(new byte[11]), within: null, default));

        Assert.Equal(fromStream, fromMemory);
        Assert.Equal(new StagedFile("report.txt", "application/octet-stream", 3, fromStream.Sha256), fromMemory);
        Assert.Contains("empty (0 bytes)", empty.Message);
        Assert.Equal("\"big.bin\" (11 bytes) is larger than the limit of 10 bytes and was not attached.", big.Message);
    }
}
