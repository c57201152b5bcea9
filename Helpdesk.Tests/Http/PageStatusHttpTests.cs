using System.Net;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Http;

/// <summary>Bad links over HTTP: a 4xx status with a readable page, never a stack trace.</summary>
public sealed class PageStatusHttpTests : IAsyncLifetime
{
    private const string AgentEmail = "agent@helpdesk.test";
    private const string AgentPassword = "Agent-Pass-2026";
    private readonly ConsoleHttpHost _host = new();

    public async Task InitializeAsync()
    {
        var person = new Person { Name = "Ann Agent", PrimaryEmail = AgentEmail, Roles = PersonRoles.Agent, CreatedAt = DateTime.UtcNow };
        await using (var db = await _host.DbAsync())
        {
            db.Add(person);
            await db.SaveChangesAsync();
        }
        await _host.Factory.Services.GetRequiredService<ConsoleUsers>().CreateAsync(person.Id, AgentPassword, [ConsoleRoles.Agent]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpClient> LoggedInAsync(string email, string password)
    {
        var client = _host.CreateClient();
        var login = await ConsoleHttpHost.PostLoginAsync(client, email, password);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        return client;
    }

    [Fact]
    public async Task TicketPage_TicketThatDoesNotExist_Answers404WithAMessage()
    {
        var client = await LoggedInAsync(ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await client.GetAsync("/tickets/424242");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Helpdesk", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Theory]
    [InlineData("/admin/people")]
    [InlineData("/admin/mail/mailboxes")]
    [InlineData("/admin/views")]
    public async Task AdminPage_OpenedByAnAgent_EndsOnAccessDeniedWith403(string path)
    {
        var client = await LoggedInAsync(AgentEmail, AgentPassword);

        var forbidden = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        var page = await client.GetAsync(forbidden.Headers.Location);
        var body = await page.Content.ReadAsStringAsync();

        Assert.StartsWith("/access-denied", forbidden.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("have access to that page", body);
    }

    [Fact]
    public async Task MailboxesPage_Administrator_ListsTheEmbeddedDropFolderFromConfiguration()
    {
        var client = await LoggedInAsync(ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await client.GetAsync("/admin/mail/mailboxes");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("from configuration", body);
        Assert.Contains("mail/inbox", body);
    }

    [Fact]
    public async Task TicketList_LoggedInAgent_Answers200()
    {
        var client = await LoggedInAsync(AgentEmail, AgentPassword);

        var response = await client.GetAsync("/tickets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
