using Bunit;
using Helpdesk.Blazor.Features.Mail;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.Mail;

public sealed class DryRunRequestPreviewTests : HelpdeskBunitContext
{
    [Fact]
    public void DryRunRequestPreview_Request_ShowsFieldsAndEachParametersResult()
    {
        var preview = new RequestPreview("Port down", "Service Desk", TicketCategory.Incident, TicketImpact.Top, TicketStatus.ChangePending,
            "Chris Change <chris@helpdesk.test>", "Nagios <nnm@monitoring.test>", "Website", "CORE-SW-1", "New laptop",
            [new ParameterOutcome("#ci", "CORE-SW-1", true, null), new ParameterOutcome("#member", "nobody@x.test", false, "not an active agent")]);

        var cut = Render<DryRunRequestPreview>(p => p.Add(x => x.Request, preview));

        var fields = cut.Find("[data-testid=dry-run-request]").TextContent;
        foreach (var expected in new[] { "Service Desk", "Incident", "Top", "Change pending", "Chris Change", "Nagios", "Website", "CORE-SW-1", "New laptop" })
            Assert.Contains(expected, fields);
        var rows = cut.FindAll("[data-testid=dry-run-parameters] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(["#ciCORE-SW-1applied", "#membernobody@x.testignored: not an active agent"], rows);
    }
}
