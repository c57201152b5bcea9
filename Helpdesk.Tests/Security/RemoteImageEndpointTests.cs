using System.Net;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class RemoteImageEndpointTests : IAsyncLifetime
{
    private readonly ConsoleHttpHost _host = new(new Dictionary<string, string> { ["Security:RemoteImages:AllowPrivateNetworks"] = "true" });
    private LoopbackImageServer _images = default!;
    private HttpClient _client = default!;
    private long _entryId;

    public async Task InitializeAsync()
    {
        _images = await LoopbackImageServer.StartAsync();
        _client = _host.CreateClient();
        var services = _host.Factory.Services;
        var caller = await services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Mallory", "mallory@customer.test", [], null, PersonRoles.EndUser, true));
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Pixel", RequestedForId = caller, Description = $"<p>hi</p><img src=\"{_images.BaseUrl}/pixel.png\">", DescriptionFormat = TextFormat.Html,
        }, Actor.System);
        await using var db = await _host.DbAsync();
        _entryId = await db.Set<CaseLogEntry>().Where(e => e.TicketId == ticketId).Select(e => e.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _images.DisposeAsync();
    }

    [Fact]
    public async Task Get_Anonymous_IsSentToLoginWithoutFetching()
    {
        var response = await _client.GetAsync($"/case-log/{_entryId}/remote-images/0");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
        Assert.Empty(_images.Requests);
    }

    [Fact]
    public async Task Get_AgentAndListedImage_ServesItAsNosniffSandboxedPng()
    {
        await ConsoleHttpHost.PostLoginAsync(_client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await _client.GetAsync($"/case-log/{_entryId}/remote-images/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["sandbox; default-src 'none'"], response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(LoopbackImageServer.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["/pixel.png"], _images.Requests);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(999_999, 0)]
    public async Task Get_ImageTheEntryDidNotList_IsNotFound(long entryOffset, int n)
    {
        await ConsoleHttpHost.PostLoginAsync(_client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await _client.GetAsync($"/case-log/{_entryId + entryOffset}/remote-images/{n}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_images.Requests);
    }
}
