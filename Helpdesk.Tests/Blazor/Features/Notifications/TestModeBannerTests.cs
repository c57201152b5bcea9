using Bunit;
using Helpdesk.Blazor.Features.Notifications;
using Helpdesk.Core.Notifications;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Notifications;

public sealed class TestModeBannerTests : HelpdeskBunitContext
{
    protected override void ConfigureServices() => Services.AddScoped<EmailActionsChanged>();

    [Fact]
    public void TestModeBanner_FreshInstall_NamesTheDefaultActionAndLinksToIt()
    {
        var cut = Render<TestModeBanner>();

        cut.WaitForAssertion(() => Assert.Contains("test recipient only", cut.Find("[data-testid=test-mode-banner]").TextContent));
        var link = cut.Find("[data-testid=test-mode-link]");
        Assert.Contains(DefaultNotificationSeeder.TestRecipient, link.TextContent);
        Assert.Matches(@"^admin/notifications\?action=\d+$", link.GetAttribute("href"));
    }

    [Fact]
    public async Task TestModeBanner_ActionSwitchedToActiveAndSaved_Disappears()
    {
        var cut = Render<TestModeBanner>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=test-mode-banner]"));
        var action = (await Host.Get<NotificationSetupQuery>().ExecuteAsync()).Actions.Single();

        await Host.Get<SaveEmailActionCommand>().ExecuteAsync(new EmailActionInput(action.Id, action.Name, ActionStatus.Active,
            action.TestRecipient, action.From, action.ReplyTo, action.To, action.Cc, action.Bcc, action.SubjectTemplate, action.BodyTemplate));
        Services.GetRequiredService<EmailActionsChanged>().Raise();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=test-mode-banner]")));
    }
}
