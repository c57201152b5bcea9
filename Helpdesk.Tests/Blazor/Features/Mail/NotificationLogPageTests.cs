using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Features.Mail;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Mail;

public sealed class NotificationLogPageTests : HelpdeskBunitContext
{
    protected override void ConfigureServices()
    {
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Host.Get<IDbContextFactory<HelpdeskDbContext>>()));
        AddAuthorization().SetAuthorized("boss@helpdesk.test").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-boss"), new Claim(ClaimTypes.Role, ConsoleRoles.Administrator));
    }

    private async Task<IRenderedComponent<NotificationLogPage>> RenderAsAdministratorAsync()
    {
        var boss = await Host.AddPersonAsync("Bea Boss", "boss@helpdesk.test", PersonRoles.Administrator);
        await using (var db = await Host.DbAsync())
        {
            db.Add(new HelpdeskUser { Id = "user-boss", UserName = "boss@helpdesk.test", PersonId = boss.Id });
            await db.SaveChangesAsync();
        }
        return Render<NotificationLogPage>();
    }

    private async Task<long> QueueAsync(OutboxStatus status, int? triggerId = null, int? actionId = null, string cc = "")
    {
        await using var db = await Host.DbAsync();
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = $"<{Guid.NewGuid():N}@helpdesk.test>", Kind = "email_action", TriggerId = triggerId, ActionId = actionId,
            From = "support@helpdesk.test", To = "Carl <carl@customer.test>", Cc = cc, Subject = "[HD-3] Printer",
            TextBody = "Done.", Status = status, Attempts = status == OutboxStatus.Failed ? 8 : 1, CreatedAt = now, NextAttemptAt = now,
            SentAt = status == OutboxStatus.Sent ? now : null, LastError = status == OutboxStatus.Failed ? "550 mailbox unavailable" : null,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    [Fact]
    public async Task NotificationLogPage_MailOfATrigger_ShowsTriggerAndActionNamesAndEveryRecipientList()
    {
        await using (var db = await Host.DbAsync())
        {
            var trigger = await db.Set<Trigger>().Include(t => t.Actions).SingleAsync();
            await QueueAsync(OutboxStatus.Sent, trigger.Id, trigger.Actions.Single().Id, cc: "ann@helpdesk.test");
            var cut = await RenderAsAdministratorAsync();

            cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=outbox-row]")));
            Assert.Equal($"Email action: trigger \"{trigger.Name}\", action \"{trigger.Actions.Single().Name}\"",
                cut.Find("[data-testid=outbox-why]").TextContent.Trim());
            var recipients = cut.Find("[data-testid=outbox-recipients]").TextContent;
            Assert.Contains("To Carl <carl@customer.test>", recipients);
            Assert.Contains("Cc ann@helpdesk.test", recipients);
        }
    }

    [Fact]
    public async Task NotificationLogPage_ResendOfAFailedMail_QueuesItAgain()
    {
        Render<MudSnackbarProvider>();
        var id = await QueueAsync(OutboxStatus.Failed);
        var cut = await RenderAsAdministratorAsync();

        cut.WaitForElement("button[data-testid=resend]").Click();

        await using var db = await Host.DbAsync();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("button[data-testid=resend]")));
        var queued = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Pending, 0), (queued.Status, queued.Attempts));
    }
}
