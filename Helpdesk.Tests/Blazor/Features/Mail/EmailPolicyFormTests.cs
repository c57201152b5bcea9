using Bunit;
using Helpdesk.Blazor.Features.Mail;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Policy;
using Helpdesk.Tests.TestSupport;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Mail;

public sealed class EmailPolicyFormTests : HelpdeskBunitContext
{
    [Fact]
    public async Task EmailPolicyForm_RejectChosenAndSaved_PolicyApplies()
    {
        var cut = Render<EmailPolicyForm>();
        cut.WaitForAssertion(() => Assert.Equal(UnknownSenderPolicy.CreatePerson, cut.FindComponent<MudRadioGroup<UnknownSenderPolicy>>().Instance.Value));

        await cut.InvokeAsync(() => cut.FindComponent<MudRadioGroup<UnknownSenderPolicy>>().Instance.ValueChanged.InvokeAsync(UnknownSenderPolicy.Reject));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-email-policy]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=email-policy-saved]"));
        Assert.Equal(UnknownSenderPolicy.Reject, await Host.Get<EmailPolicySettings>().GetAsync());
    }
}
