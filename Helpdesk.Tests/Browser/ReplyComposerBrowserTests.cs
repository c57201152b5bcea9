using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class ReplyComposerBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Agent_EditsCcAndInsertsTemplate_MailGoesToTheChosenRecipientsWithTheTemplateText()
    {
        var services = App.Services;
        var people = services.GetRequiredService<SavePersonCommand>();
        var callerId = await people.ExecuteAsync(new PersonInput(null, "Browser Caller", "caller@journey.test", [], null, PersonRoles.EndUser, true));
        var bossId = await people.ExecuteAsync(new PersonInput(null, "Bob Boss", "bob.boss@journey.test", [], null, PersonRoles.EndUser, true));
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Copy my colleague", RequestedForId = callerId }, Actor.System);
        await services.GetRequiredService<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(ticketId, PersonId: bossId), Actor.System);
        var action = (await services.GetRequiredService<NotificationSetupQuery>().ExecuteAsync()).Actions.Single();
        await services.GetRequiredService<SaveEmailActionCommand>().ExecuteAsync(new EmailActionInput(action.Id, action.Name, ActionStatus.Active,
            action.TestRecipient, action.From, action.ReplyTo, action.To, action.Cc, action.Bcc, action.SubjectTemplate, action.BodyTemplate));

        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await page.GotoAsync($"{App.BaseUrl}/admin/reply-templates");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.Locator("input[data-testid=reply-template-name]").FillAsync("Greeting");
        await page.Locator("textarea[data-testid=reply-template-body]").FillAsync("Dear $this->caller_id_friendlyname$, thanks for waiting.");
        await page.GetByTestId("save-reply-template").ClickAsync();
        await Expect(page.GetByTestId("reply-template-row")).ToContainTextAsync("Greeting");

        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var editor = new TicketPageModel(page).PublicEditor;
        var cc = editor.GetByTestId("recipients-cc");
        await Expect(editor.GetByTestId("recipients-to").GetByTestId("recipient")).ToHaveTextAsync("caller@journey.test");
        await Expect(cc.GetByTestId("recipient")).ToHaveTextAsync("bob.boss@journey.test");
        await cc.Locator(".mud-chip-close-button").ClickAsync();
        await cc.Locator("input[data-testid=add-cc]").FillAsync("dana@journey-partner.test");
        await cc.Locator("input[data-testid=add-cc]").PressAsync("Enter");
        await Expect(cc.GetByTestId("recipient")).ToHaveTextAsync("dana@journey-partner.test");

        var text = editor.Locator("textarea[data-testid=entry-text]");
        await text.PressSequentiallyAsync("::gre");
        await Expect(editor.GetByTestId("template-picker").GetByTestId("suggestion")).ToHaveCountAsync(1);
        await editor.GetByTestId("template-picker").GetByTestId("suggestion").ClickAsync();
        await Expect(text).ToHaveValueAsync("Dear Browser Caller, thanks for waiting.");
        await BrowserSession.ScreenshotAsync(page, "reply-composer-template-and-cc");
        await editor.GetByTestId("add-entry").ClickAsync();

        var mail = await PickedUpMailAsync(TicketNumber.Format(ticketId), "thanks for waiting");
        Assert.Equal(["caller@journey.test"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["dana@journey-partner.test"], mail.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("Dear Browser Caller, thanks for waiting.", mail.TextBody);
        var delivery = page.GetByTestId("mail-delivery").Last;
        await Expect(delivery.GetByTestId("mail-cc")).ToContainTextAsync("dana@journey-partner.test");
        await Expect(delivery.GetByTestId("mail-cc")).Not.ToContainTextAsync("bob.boss@journey.test");
    }

    [Fact]
    public async Task Agent_MentionsAColleagueInAPrivateNote_MentionIsHighlightedAndTheColleagueAlerted()
    {
        var services = App.Services;
        var people = services.GetRequiredService<SavePersonCommand>();
        var callerId = await people.ExecuteAsync(new PersonInput(null, "Mention Caller", "mention-caller@journey.test", [], null, PersonRoles.EndUser, true));
        await people.ExecuteAsync(new PersonInput(null, "Zelda Colleague", "zelda@journey.test", [], null, PersonRoles.Agent, true));
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Needs a second pair of eyes", RequestedForId = callerId }, Actor.System);

        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("tab-private").ClickAsync();
        var editor = page.GetByTestId("editor-private");
        var text = editor.Locator("textarea[data-testid=entry-text]");
        // The tab shows the note's editor after a round trip; keys typed before would go nowhere.
        await Expect(text).ToBeVisibleAsync();
        await text.PressSequentiallyAsync("Could you check this, @zel");
        await Expect(editor.GetByTestId("mention-picker").GetByTestId("suggestion")).ToHaveCountAsync(1);
        await editor.GetByTestId("mention-picker").GetByTestId("suggestion").ClickAsync();
        await Expect(text).ToHaveValueAsync("Could you check this, @Zelda Colleague ");
        // The click left focus on the suggestion; the editor gives it back with the caret after the mention once the
        // text has rendered. A person's next keys reach the text box only then; typing into it sooner (as
        // PressSequentially would, focusing it itself) lets the caret jump back over the first letters.
        await Expect(text).ToBeFocusedAsync();
        await text.PressSequentiallyAsync("please?");
        await editor.GetByTestId("add-entry").ClickAsync();

        await Expect(page.GetByTestId("mention")).ToHaveTextAsync("@Zelda Colleague");
        await BrowserSession.ScreenshotAsync(page, "private-note-mention");
        var alert = await PickedUpMailAsync(TicketNumber.Format(ticketId), "mentioned you");
        Assert.Equal(["zelda@journey.test"], alert.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("please?", alert.TextBody);
    }

    /// <summary>The one mail about the ticket with the text in the pickup folder (the console's default transport), waiting for the send worker.</summary>
    private async Task<MimeMessage> PickedUpMailAsync(string ticketNumber, string text)
    {
        var folder = Path.Combine(App.DataFolder, "mail", "outbox");
        for (var waited = 0; waited < 600; waited++)
        {
            var found = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.Subject?.Contains(ticketNumber) == true && m.TextBody?.Contains(text) == true).ToList()
                : [];
            if (found.Count > 0) return Assert.Single(found);
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail about {ticketNumber} reached {folder}.");
    }
}
