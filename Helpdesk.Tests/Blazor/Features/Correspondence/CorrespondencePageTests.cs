using Bunit;
using Helpdesk.Blazor.Features.Correspondence;
using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Correspondence;

public sealed class CorrespondencePageTests : HelpdeskBunitContext
{
    [Fact]
    public async Task CorrespondencePage_PreviewOfAnAlertATriggerAlsoSends_SaysTheAddressGetsOneMail()
    {
        var agent = await Host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticket = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id, MemberId = agent.Id }, Actor.System);
        await using (var db = await Host.DbAsync())
        {
            db.Add(new Trigger
            {
                Name = "Tell the agent", Kind = TriggerKind.OnCustomerUpdate,
                Actions = [new EmailAction { Name = "Agent mail", Status = ActionStatus.Active, To = "SELECT Person WHERE id = :this->agent_id", SubjectTemplate = "$this->title$", BodyTemplate = "<p>$this->title$</p>" }],
            });
            await db.SaveChangesAsync();
        }
        var cut = Render<CorrespondencePage>();
        cut.WaitForAssertion(() => Assert.Contains("New message alert", cut.Find("[data-testid=templates-table]").TextContent));

        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Preview for ticket (e.g. HD-12)").Instance.ValueChanged.InvokeAsync($"HD-{ticket}"));
        var row = cut.FindAll("[data-testid=templates-table] tr").Single(r => r.TextContent.Contains("New message alert"));
        await cut.InvokeAsync(() => row.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Preview")).Click());

        cut.WaitForAssertion(() => Assert.Equal(
            "ann@helpdesk.test: also covered by trigger \"Tell the agent\" (email action \"Agent mail\"); this address gets one mail, the trigger's.",
            cut.Find("[data-testid=preview-covered]").TextContent.Trim()));
    }

    [Fact]
    public async Task CorrespondencePage_SystemAlert_PreviewsSampleValuesAndRefusesATicketPlaceholder()
    {
        var cut = Render<CorrespondencePage>();
        cut.WaitForAssertion(() => Assert.Contains("System alert: sending mail fails", cut.Find("[data-testid=templates-table]").TextContent));
        Task Click(string button) => cut.InvokeAsync(() => cut.FindAll("[data-testid=templates-table] tr")
            .Single(r => r.TextContent.Contains("System alert: sending mail fails")).QuerySelectorAll("button").Single(b => b.TextContent.Contains(button)).Click());

        await Click("Preview");
        cut.WaitForAssertion(() => Assert.Contains("Connection refused (sample reason)", cut.Markup));

        await Click("Edit");
        var subject = cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Subject");
        await cut.InvokeAsync(() => subject.Instance.ValueChanged.InvokeAsync("Mail down for $this->title$"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-template]").Click());

        cut.WaitForAssertion(() => Assert.Contains("A system alert is about no ticket", cut.Find("[data-testid=template-editor]").TextContent));
        Assert.True((await Host.Get<Helpdesk.Core.Correspondence.CorrespondenceTemplateCommands>().ListAsync())
            .Single(t => t.Kind == Helpdesk.Core.Correspondence.CorrespondenceKind.SystemMailSendingFails).IsDefault);
    }
}
