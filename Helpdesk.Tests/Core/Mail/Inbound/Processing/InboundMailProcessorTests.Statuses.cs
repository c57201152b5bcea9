using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Every status of the 4me Mail API is a status of the request, not Assigned with a note.</summary>
public sealed partial class InboundMailProcessorTests
{
    [Theory]
    [InlineData("#status: reservation_pending", TicketStatus.ReservationPending)]
    [InlineData("#status: workflow_pending", TicketStatus.WorkflowPending)]
    [InlineData("#status: project_pending", TicketStatus.ProjectPending)]
    [InlineData("#workflow_pending", TicketStatus.WorkflowPending)]
    public async Task ProcessAsync_PendingStatus_IsThatStatusWithTheSenderAsMember(string parameter, TicketStatus expected)
    {
        var nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Room for the offsite", parameter + "\nBook it."));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((expected, nagios.Id), (ticket.Status, ticket.Member?.Id));
        Assert.DoesNotContain(ticket.Audit, a => a.Note?.Contains("is not a status") == true);
        Assert.Contains(ticket.Audit, a => a.Note == $"The status {expected.Label()} needs an assignee; the sender was assigned.");
    }

    [Fact]
    public async Task ProcessAsync_Declined_IsDeclinedWithoutAMember()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var serviceDesk = await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Not ours", "#declined\nWrong team."));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((TicketStatus.Declined, (int?)null, serviceDesk.Id), (ticket.Status, ticket.Member?.Id, ticket.Team?.Id));
    }

    [Fact]
    public async Task NewStatuses_AreOpenLabelledAndFilterable()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Service Desk", "servicedesk");
        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Project", "#project_pending\nBig."));

        Assert.Equal(["Declined", "Reservation pending", "Workflow pending", "Project pending"],
            new[] { TicketStatus.Declined, TicketStatus.ReservationPending, TicketStatus.WorkflowPending, TicketStatus.ProjectPending }.Select(s => s.Label()));
        Assert.Contains(TicketStatus.ProjectPending, TicketListFilter.Open);
        var page = await _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Statuses = [TicketStatus.ProjectPending] }, Actor.System);
        Assert.Equal(row.TicketId, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.StatusCounts.GetValueOrDefault(TicketStatus.ProjectPending));
    }
}
