using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class MailApiFieldsBlockTests : HelpdeskBunitContext
{
    [Fact]
    public void MailApiFieldsBlock_MonitoringRequest_ShowsEachSetFieldReadOnly()
    {
        var fields = new MailApiFields("Website", "CORE-SW-1", "Acme Networks", "SR-9",
            new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc), null, new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc), "workaround");

        var cut = Render<MailApiFieldsBlock>(p => p.Add(x => x.Fields, fields).Add(x => x.Source, "nagios").Add(x => x.SourceId, "evt-1"));

        Assert.Equal("nagios · evt-1", cut.Find("[data-testid=mail-source]").TextContent);
        Assert.Equal("Website", cut.Find("[data-testid=mail-service-instance]").TextContent);
        Assert.Equal("CORE-SW-1", cut.Find("[data-testid=mail-ci]").TextContent);
        Assert.Equal("Acme Networks (request SR-9)", cut.Find("[data-testid=mail-supplier]").TextContent);
        Assert.Equal("2026-11-24 08:00 UTC", cut.Find("[data-testid=mail-downtime-start]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=mail-downtime-end]"));
        Assert.Equal("2026-11-25 09:30 UTC", cut.Find("[data-testid=mail-waiting-until]").TextContent);
        Assert.Equal("workaround", cut.Find("[data-testid=mail-completion-reason]").TextContent);
        Assert.Empty(cut.FindAll("input"));
    }

    [Fact]
    public void MailApiFieldsBlock_LinkedChangeAndProblem_LinkToTheirPage()
    {
        var fields = MailApiFields.None with { Change = new LinkedChangeOrProblem(5, "CH-5", "Replace core switch"), Problem = new LinkedChangeOrProblem(6, "PR-6", "Flapping ports") };

        var cut = Render<MailApiFieldsBlock>(p => p.Add(x => x.Fields, fields).Add(x => x.Source, "nagios"));

        Assert.Equal("CH-5 Replace core switch", cut.Find("[data-testid=mail-change]").TextContent);
        Assert.Equal("/changes-and-problems/5", cut.Find("[data-testid=mail-change] a").GetAttribute("href"));
        Assert.Equal("/changes-and-problems/6", cut.Find("[data-testid=mail-problem] a").GetAttribute("href"));
    }

    [Fact]
    public void MailApiFieldsBlock_TicketMirroringAnotherSystem_ShowsItsNumber()
    {
        var fields = MailApiFields.None with { ExternalTicket = "INC0012345 in ServiceNow (service-now.com)" };

        var cut = Render<MailApiFieldsBlock>(p => p.Add(x => x.Fields, fields).Add(x => x.Source, TicketSources.Email));

        Assert.Equal("INC0012345 in ServiceNow (service-now.com)", cut.Find("[data-testid=mail-external-ticket]").TextContent);
    }

    [Fact]
    public void MailApiFieldsBlock_ConsoleTicketWithoutMailFields_RendersNothing()
    {
        var cut = Render<MailApiFieldsBlock>(p => p.Add(x => x.Fields, MailApiFields.None).Add(x => x.Source, TicketSources.Console));

        Assert.Empty(cut.FindAll("[data-testid=mail-api-fields]"));
    }
}
