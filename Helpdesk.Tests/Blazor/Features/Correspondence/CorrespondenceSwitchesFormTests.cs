using Bunit;
using Helpdesk.Blazor.Features.Correspondence;
using Helpdesk.Core.Correspondence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Correspondence;

public sealed class CorrespondenceSwitchesFormTests : HelpdeskBunitContext
{
    private static MudCheckBox<bool> CheckBox(IRenderedComponent<CorrespondenceSwitchesForm> cut, string labelOrAriaLabel) =>
        cut.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == labelOrAriaLabel
            || (c.Instance.UserAttributes.TryGetValue("aria-label", out var aria) && (string?)aria == labelOrAriaLabel)).Instance;

    private static IRenderedComponent<CorrespondenceSwitchesForm> WhenLoaded(IRenderedComponent<CorrespondenceSwitchesForm> cut)
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid=save-switches]"));
        return cut;
    }

    [Fact]
    public async Task CorrespondenceSwitchesForm_SwitchAndRecipientChanged_SavedAndUsedByCore()
    {
        var cut = WhenLoaded(Render<CorrespondenceSwitchesForm>());

        await cut.InvokeAsync(() => CheckBox(cut, "New message").ValueChanged.InvokeAsync(false));
        await cut.InvokeAsync(() => CheckBox(cut, "Overdue ticket alert to Assigned agent").ValueChanged.InvokeAsync(true));
        await cut.InvokeAsync(() => CheckBox(cut, "Ticket transfer alert on").ValueChanged.InvokeAsync(false));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-switches]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=switches-saved]"));
        var saved = await Host.Get<CorrespondenceSettings>().GetAsync();
        Assert.False(saved.NewMessageAutoresponse);
        Assert.Equal([AlertRecipient.AdminEmail, AlertRecipient.AssignedAgent], saved.Alerts[CorrespondenceKind.OverdueAlert].Recipients.Order());
        Assert.False(saved.IsOn(CorrespondenceKind.TransferAlert));
    }

    [Fact]
    public async Task CorrespondenceSwitchesForm_BadAdminEmail_ShowsFieldErrorAndSavesNothing()
    {
        var cut = WhenLoaded(Render<CorrespondenceSwitchesForm>());
        IRenderedComponent<MudTextField<string>> Email() => cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Administrative email");

        await cut.InvokeAsync(() => Email().Instance.ValueChanged.InvokeAsync("admin at example"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-switches]").Click());

        cut.WaitForAssertion(() => Assert.Equal("Enter one email address, such as admin@example.com.", Email().Find(".mud-input-helper-text.mud-input-error").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=switches-saved]"));
        await using var db = await Host.DbAsync();
        Assert.False(await db.Set<SavedCorrespondenceSwitches>().AnyAsync());
    }
}
