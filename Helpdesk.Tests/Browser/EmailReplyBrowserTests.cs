using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class EmailReplyBrowserTests : BrowserJourney
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
        ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
    };

    [Fact]
    public async Task Agent_RepliesFromPublicLogWithAttachment_CallerReceivesTheMail()
    {
        var services = App.Services;
        var callerAddress = MailStackServer.NewAddress("customer.test");
        var callerId = await services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Browser Caller", callerAddress, [], null, PersonRoles.EndUser, true));
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Mail me back", RequestedForId = callerId }, Actor.System);
        var action = (await services.GetRequiredService<NotificationSetupQuery>().ExecuteAsync()).Actions.Single();
        await services.GetRequiredService<SaveEmailActionCommand>().ExecuteAsync(new EmailActionInput(action.Id, action.Name, ActionStatus.Active,
            action.TestRecipient, action.From, action.ReplyTo, action.To, action.Cc, action.Bcc, action.SubjectTemplate, action.BodyTemplate));
        var file = Path.Combine(App.DataFolder, "steps.txt");
        await File.WriteAllTextAsync(file, "1. restart 2. retry");

        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var ticket = new TicketPageModel(page);
        await Expect(ticket.PublicEditor.Locator("input[data-testid=send-email]")).ToBeCheckedAsync();
        await ticket.AppendPublicEntryAsync("Please follow the attached steps.", file);
        await page.GetByTestId("attach-icon").First.HoverAsync();
        await BrowserSession.ScreenshotAsync(page, "email-reply-sent");

        var received = await MailStackServer.WaitForMessagesAsync(callerAddress, 1, TimeSpan.FromSeconds(60));
        if (received.Count == 0)
        {
            // Say why: the outbox row's state is the whole story of a mail that did not arrive.
            await using var db = await services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Helpdesk.Core.Persistence.HelpdeskDbContext>>().CreateDbContextAsync();
            var rows = db.Set<Helpdesk.Core.Mail.Outbound.OutboxMessage>().Where(m => m.TicketId == ticketId && m.Kind == "email_action")
                .Select(m => $"{m.Status} attempts={m.Attempts} next={m.NextAttemptAt:O} error={m.LastError}").ToList();
            Assert.Fail($"No mail for {callerAddress}. Outbox: {string.Join(" | ", rows)}");
        }
        var mail = Assert.Single(received);
        Assert.Contains("Please follow the attached steps.", mail.TextBody);
        Assert.Equal("steps.txt", mail.Attachments.OfType<MimePart>().Single().FileName);
        // The entry says where its mail went and, without a reload, that it was sent.
        var delivery = ticket.History.GetByTestId("mail-delivery").Last;
        await Expect(delivery.GetByTestId("mail-to")).ToContainTextAsync(callerAddress);
        await Expect(delivery.GetByTestId("mail-state")).ToHaveTextAsync("sent");
    }

    [Fact]
    public async Task Agent_OpensAdminPage_SeesAccessDenied()
    {
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, "agent@helpdesk.local", "Demo-Agent-2026");
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await page.GotoAsync($"{App.BaseUrl}/admin/people");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("people-table")).ToHaveCountAsync(0);
    }
}
