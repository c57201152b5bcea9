using Bunit;
using Helpdesk.Blazor.Features.Correspondence;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Correspondence;

public sealed class CorrespondenceSetupSectionTests : HelpdeskBunitContext
{
    private CorrespondenceSetupCommands Setup => Host.Get<CorrespondenceSetupCommands>();

    private IRenderedComponent<CorrespondenceSetupSection> RenderLoaded(string waitFor)
    {
        var cut = Render<CorrespondenceSetupSection>();
        cut.WaitForAssertion(() => Assert.Contains(waitFor, cut.Markup));
        return cut;
    }

    [Fact]
    public async Task CorrespondenceSetupSection_TopicEdited_RenamedInPlace()
    {
        var id = await Setup.SaveHelpTopicAsync(null, "Printers", false);
        var cut = RenderLoaded("Printers");

        await cut.InvokeAsync(() => cut.Find("[data-testid=topics-table] button").Click());
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Help topic name").Instance.ValueChanged.InvokeAsync("Scanners"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-topic]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Scanners", cut.Find("[data-testid=topics-table]").TextContent));
        Assert.Equal([(id, "Scanners", false, (int?)null)], (await Setup.ViewAsync()).HelpTopics);
    }

    [Fact]
    public async Task CorrespondenceSetupSection_DeleteTopicInUse_ShowsWhyAndKeepsIt()
    {
        var id = await Setup.SaveHelpTopicAsync(null, "Printers", false);
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticket = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Jam", RequestedForId = caller.Id, HelpTopicId = id }, Actor.System);
        var cut = RenderLoaded("Printers");

        await cut.InvokeAsync(() => cut.Find($"[data-testid=delete-topic-{id}]").Click());

        cut.WaitForAssertion(() => Assert.Equal($"The help topic Printers is used by 1 ticket(s), e.g. HD-{ticket}; give them another one first.",
            cut.Find("[data-testid=setup-error]").TextContent.Trim()));
        Assert.Single((await Setup.ViewAsync()).HelpTopics);
    }

    [Fact]
    public async Task CorrespondenceSetupSection_DepartmentAlertsSwitchedOff_Persisted()
    {
        await using (var db = await Host.DbAsync())
        {
            db.Add(new Department { Name = "Facilities" });
            await db.SaveChangesAsync();
        }
        var cut = RenderLoaded("Facilities");

        await cut.InvokeAsync(() => cut.FindComponents<MudCheckBox<bool>>()
            .Single(c => c.Instance.UserAttributes.TryGetValue("aria-label", out var a) && (string?)a == "No agent alerts for Facilities").Instance.ValueChanged.InvokeAsync(true));

        await using var check = await Host.DbAsync();
        var saved = await check.Set<Department>().SingleAsync();
        Assert.Equal((false, true), (saved.AutorespondersDisabled, saved.AlertsDisabled));
    }
}
