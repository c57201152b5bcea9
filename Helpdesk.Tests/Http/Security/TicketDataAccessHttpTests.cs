using System.Net;
using System.Text;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Http.Security;

/// <summary>The endpoints that serve ticket files and mails ask Core's TicketAccess for the logged-in actor.</summary>
[Trait("Category", "Security")]
public sealed class TicketDataAccessHttpTests : IAsyncLifetime
{
    private const string Password = "Http-Test-Pass-2";

    private readonly ConsoleHttpHost _host = new();
    private int _ticketId;
    private long _privateFileId;
    private long _receivedMailId;
    private long _sentMailId;

    public async Task InitializeAsync()
    {
        var services = _host.Factory.Services;
        var people = services.GetRequiredService<SavePersonCommand>();
        var agent = await people.ExecuteAsync(new PersonInput(null, "Ann Agent", "ann@helpdesk.test", [], null, PersonRoles.Agent, true));
        var caller = await people.ExecuteAsync(new PersonInput(null, "Carl Caller", "carl@customer.test", [], null, PersonRoles.EndUser, true));
        var roleless = await people.ExecuteAsync(new PersonInput(null, "Rita Roleless", "rita@helpdesk.test", [], null, PersonRoles.EndUser, true));
        await services.GetRequiredService<ConsoleUsers>().CreateAsync(agent, Password, [ConsoleRoles.Agent]);
        await LoginWithoutConsoleRoleAsync(roleless, "rita@helpdesk.test");

        var blobs = services.GetRequiredService<BlobStore>();
        var ticketId = _ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Salary list", RequestedForId = caller }, Actor.System);
        var file = await blobs.StageAsync("salaries.txt", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("private figures")), default);
        var entryId = await services.GetRequiredService<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = ticketId, Log = CaseLogKind.Private, Text = "The list, for us only.", Files = [file],
        }, Actor.Agent(agent, "Ann Agent", [ConsoleRoles.Agent]));

        var raw = await blobs.StageAsync("mail.eml", "message/rfc822", new MemoryStream(Encoding.ASCII.GetBytes("Subject: salaries\r\n\r\nplease")), default);
        await using var db = await _host.DbAsync();
        _privateFileId = await db.Set<Attachment>().Where(a => a.CaseLogEntryId == entryId).Select(a => a.Id).SingleAsync();
        var received = new InboundMessage { Mailbox = "support", ServerId = "1", MessageId = "<in-1@customer.test>", RawSha256 = raw.Sha256, TicketId = ticketId, Status = InboundStatus.Processed, Subject = "salaries" };
        var sent = new OutboxMessage
        {
            MessageId = "<out-1@helpdesk.test>", TicketId = ticketId, CaseLogEntryId = entryId, Kind = "note", From = "support@helpdesk.test",
            To = "ann@helpdesk.test", Subject = "salaries", TextBody = "please", Status = OutboxStatus.Sent, RawSha256 = raw.Sha256,
        };
        db.AddRange(received, sent);
        await db.SaveChangesAsync();
        (_receivedMailId, _sentMailId) = (received.Id, sent.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetAttachment_PrivateEntrysFileAsAgent_ServesIt()
    {
        var client = await LoggedInAsync("ann@helpdesk.test", Password);

        var response = await client.GetAsync($"/attachments/{_privateFileId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("private figures", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "a ticket's file must not be cached");
    }

    [Fact]
    public async Task GetAttachment_PrivateEntrysFileAsLoginWithoutConsoleRole_IsNotFoundLikeAMissingFile()
    {
        var client = await LoggedInAsync("rita@helpdesk.test", Password);

        var refused = await client.GetAsync($"/attachments/{_privateFileId}");
        var missing = await client.GetAsync($"/attachments/{_privateFileId + 1000}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetTicketPage_Agent_ShowsTheTicket()
    {
        var client = await LoggedInAsync("ann@helpdesk.test", Password);

        var response = await client.GetAsync($"/tickets/{_ticketId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Salary list", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetTicketPage_LoginWithoutConsoleRole_SaysItMayNotSeeTheTicketWhetherItExistsOrNot()
    {
        var client = await LoggedInAsync("rita@helpdesk.test", Password);

        var existing = await client.GetAsync($"/tickets/{_ticketId}");
        var missing = await client.GetAsync($"/tickets/{_ticketId + 1000}");
        var body = await existing.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains($"You may not see ticket {TicketNumber.Format(_ticketId)}.", body);
        Assert.Contains($"You may not see ticket {TicketNumber.Format(_ticketId + 1000)}.", await missing.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Salary list", body);
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("outbox")]
    public async Task GetRawMail_TicketsMailAsAdministrator_ServesTheEml(string box)
    {
        var client = await LoggedInAsync(ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await client.GetAsync($"/admin/mail/{box}/{MailId(box)}/raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Subject: salaries", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "raw mail must not be cached");
    }

    [Theory]
    [InlineData("inbox", "ann@helpdesk.test")]
    [InlineData("outbox", "ann@helpdesk.test")]
    [InlineData("inbox", "rita@helpdesk.test")]
    [InlineData("outbox", "rita@helpdesk.test")]
    public async Task GetRawMail_TicketsMailAsNonAdministrator_IsSentToAccessDenied(string box, string email)
    {
        var client = await LoggedInAsync(email, Password);

        var response = await client.GetAsync($"/admin/mail/{box}/{MailId(box)}/raw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("salaries", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("outbox")]
    public async Task GetMailLogPage_Administrator_ListsTheTicketsMail(string box)
    {
        var client = await LoggedInAsync(ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await client.GetAsync($"/admin/mail/{box}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"/admin/mail/{box}/{MailId(box)}/raw", await response.Content.ReadAsStringAsync());
    }

    private long MailId(string box) => box == "inbox" ? _receivedMailId : _sentMailId;

    private async Task<HttpClient> LoggedInAsync(string email, string password)
    {
        var client = _host.CreateClient();
        Assert.Null(ConsoleHttpHost.LoginError(await ConsoleHttpHost.PostLoginAsync(client, email, password)));
        return client;
    }

    // ConsoleUsers insists on a console role; a login that lost its roles elsewhere is made directly.
    private async Task LoginWithoutConsoleRoleAsync(int personId, string email)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        var result = await users.CreateAsync(new HelpdeskUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = personId }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
