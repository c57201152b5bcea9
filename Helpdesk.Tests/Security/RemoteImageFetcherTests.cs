using System.Net;
using Helpdesk.Core.CaseLog.RemoteImages;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class RemoteImageFetcherTests : IAsyncLifetime
{
    private LoopbackImageServer _server = default!;

    public async Task InitializeAsync() => _server = await LoopbackImageServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static RemoteImageFetcher Fetcher(bool allowPrivateNetworks) =>
        new(Options.Create(new RemoteImageOptions { AllowPrivateNetworks = allowPrivateNetworks }), NullLogger<RemoteImageFetcher>.Instance);

    [Fact]
    public async Task FetchAsync_LoopbackServer_IsRefusedWithoutConnecting()
    {
        using var fetcher = Fetcher(allowPrivateNetworks: false);

        Assert.Null(await fetcher.FetchAsync(_server.BaseUrl + "/pixel.png", default));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_PrivateNetworksAllowed_ReturnsThePng()
    {
        using var fetcher = Fetcher(allowPrivateNetworks: true);

        var image = await fetcher.FetchAsync(_server.BaseUrl + "/pixel.png", default);

        Assert.Equal("image/png", image?.ContentType);
        Assert.Equal(LoopbackImageServer.Png, image?.Content);
    }

    [Theory]
    [InlineData("/logo.svg")]
    [InlineData("/page.html")]
    [InlineData("/big.png")]
    [InlineData("/missing.png")]
    public async Task FetchAsync_NotARasterImageOrTooLarge_IsRefused(string path)
    {
        using var fetcher = Fetcher(allowPrivateNetworks: true);

        Assert.Null(await fetcher.FetchAsync(_server.BaseUrl + path, default));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/x.png")]
    [InlineData("/attachments/1")]
    public async Task FetchAsync_NotHttp_IsRefused(string url)
    {
        using var fetcher = Fetcher(allowPrivateNetworks: true);

        Assert.Null(await fetcher.FetchAsync(url, default));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    public void IsPublic_Address_MatchesItsRange(string address, bool isPublic)
    {
        Assert.Equal(isPublic, NetworkAddresses.IsPublic(IPAddress.Parse(address)));
    }
}
