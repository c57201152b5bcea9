using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.TestSupport.Builders;

public static class TicketUpdates
{
    /// <summary>The header as an editor opened on <paramref name="t"/> would save it unchanged; tests change what they need with "with".</summary>
    public static TicketFieldsUpdate AsUpdate(this TicketDetails t) => new()
    {
        TicketId = t.Id, ExpectedVersion = t.Version, Subject = t.Subject, Status = t.Status, Category = t.Category, Impact = t.Impact,
        RequestedForId = t.RequestedFor.Id, TeamId = t.Team?.Id, MemberId = t.Member?.Id, DepartmentId = t.Department?.Id,
        ResolutionTargetAt = t.ResolutionTargetAt, DesiredCompletionAt = t.DesiredCompletionAt, HelpTopicId = t.HelpTopicId, SlaPlanId = t.SlaPlanId,
    };
}
