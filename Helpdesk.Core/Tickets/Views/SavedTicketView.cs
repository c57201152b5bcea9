using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets.Views;

public enum ViewAssignee
{
    Anyone,
    Me,
    Unassigned,
    Person,
}

public enum ViewAudience
{
    AllAgents,
    Roles,
    Teams,
}

/// <summary>A view an administrator defined (Zammad's overview): a filter, a sort and columns, shown to an audience.</summary>
public sealed class SavedTicketView
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Order in the navigation, after the built-in views; lower comes first.</summary>
    public int Position { get; set; }
    public List<TicketStatus> Statuses { get; set; } = [];
    public int? TeamId { get; set; }
    public ViewAssignee Assignee { get; set; }
    public int? AssigneePersonId { get; set; }
    public TicketImpact? Impact { get; set; }
    public bool OverdueOnly { get; set; }
    public string? Text { get; set; }
    public TicketSortField Sort { get; set; } = TicketSortField.UpdatedAt;
    public bool Descending { get; set; } = true;
    public List<TicketListColumn> Columns { get; set; } = [];
    public ViewAudience Audience { get; set; }
    public PersonRoles AudienceRoles { get; set; }
    public List<int> AudienceTeamIds { get; set; } = [];
}
