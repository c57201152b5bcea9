using System.Net;
using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Http;

/// <summary>The Content-Security-Policy and its companion headers on every kind of console response.</summary>
[Trait("Category", "Security")]
public sealed class SecurityHeadersHttpTests : IAsyncLifetime
{
    private const string ConsolePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private readonly ConsoleHttpHost _host = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _client = _host.CreateClient();
        await ConsoleHttpHost.PostLoginAsync(_client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/tickets", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/css/helpdesk.css", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/Error", HttpStatusCode.OK)]
    [InlineData(TestOnlyRoutes.Failure, HttpStatusCode.InternalServerError)]
    public async Task Response_AnyKind_CarriesTheConsolePolicy(string path, HttpStatusCode status)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ConsolePolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Response_OverHttps_TellsTheBrowserToStayOnHttps()
    {
        var overHttps = _host.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        Assert.Equal("max-age=31536000", Header(await overHttps.GetAsync("/account/login"), "Strict-Transport-Security"));
        Assert.False((await _client.GetAsync("/health")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task LoginPage_Anonymous_CarriesTheConsolePolicyAndNoInlineScript()
    {
        var response = await _host.CreateClient().GetAsync("/account/login");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(ConsolePolicy, Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("importmap", page);
    }

    [Fact]
    public async Task Attachment_HtmlFileFromASender_IsASandboxedDownloadThatIsNotSniffed()
    {
        var id = await AttachAsync("invoice.html", "text/html", "<script>parent.document.cookie</script>");

        var response = await _client.GetAsync($"/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sandbox; default-src 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("invoice.html", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    [Theory]
    [InlineData("a\r\nSet-Cookie: stolen=1.txt")]
    [InlineData("quote\"semicolon;attachment; filename=evil.html")]
    [InlineData("tab\tand\u0001control.pdf")]
    [InlineData("résumé 日本語 ☃.pdf")]
    [InlineData("%0d%0aLocation: evil.txt")]
    public async Task Attachment_OddFileNameFromASender_IsADownloadUnderThatNameWithNothingInjected(string fileName)
    {
        var id = await AttachAsync(fileName, "text/plain", "hello");

        var response = await _client.GetAsync($"/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar);
        Assert.Equal(["hello"], [await response.Content.ReadAsStringAsync()]);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
    }

    private async Task<long> AttachAsync(string fileName, string contentType, string content)
    {
        var services = _host.Factory.Services;
        var sender = await services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Mail Sender", "sender@customer.test", [], null, PersonRoles.EndUser, true));
        var file = await services.GetRequiredService<BlobStore>().StageAsync(fileName, contentType, new MemoryStream(Encoding.UTF8.GetBytes(content)), default);
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "With a file", RequestedForId = sender, Files = [file] }, Actor.System);
        await using var db = await _host.DbAsync();
        return await db.Set<Attachment>().Where(a => a.TicketId == ticketId).Select(a => a.Id).SingleAsync();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
