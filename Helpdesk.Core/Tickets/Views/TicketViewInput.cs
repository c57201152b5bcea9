using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets.Views;

/// <summary>A view as the administrator's form holds it; also what the admin list returns for editing.</summary>
public sealed record TicketViewInput
{
    public int? Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public int? TeamId { get; init; }
    public ViewAssignee Assignee { get; init; }
    public int? AssigneePersonId { get; init; }
    public TicketImpact? Impact { get; init; }
    public bool OverdueOnly { get; init; }
    public string? Text { get; init; }
    public TicketSortField Sort { get; init; } = TicketSortField.UpdatedAt;
    public bool Descending { get; init; } = true;
    public IReadOnlyList<TicketListColumn> Columns { get; init; } = TicketListColumns.Default;
    public ViewAudience Audience { get; init; }
    public PersonRoles AudienceRoles { get; init; }
    public IReadOnlyList<int> AudienceTeamIds { get; init; } = [];

    public static TicketViewInput From(SavedTicketView v) => new()
    {
        Id = v.Id, Name = v.Name, Statuses = v.Statuses, TeamId = v.TeamId, Assignee = v.Assignee, AssigneePersonId = v.AssigneePersonId,
        Impact = v.Impact, OverdueOnly = v.OverdueOnly, Text = v.Text, Sort = v.Sort, Descending = v.Descending, Columns = v.Columns,
        Audience = v.Audience, AudienceRoles = v.AudienceRoles, AudienceTeamIds = v.AudienceTeamIds,
    };
}
