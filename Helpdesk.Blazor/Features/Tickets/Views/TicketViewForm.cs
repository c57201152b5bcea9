using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Blazor.Features.Tickets.Views;

/// <summary>The view editor's edit state; <see cref="ToInput"/> hands it to Core, which validates.</summary>
public sealed class TicketViewForm
{
    public int? Id { get; init; }
    public string Name { get; set; } = "";
    public HashSet<TicketStatus> Statuses { get; init; } = [];
    public int? TeamId { get; set; }
    public ViewAssignee Assignee { get; set; }
    public int? AssigneePersonId { get; set; }
    public TicketImpact? Impact { get; set; }
    public bool OverdueOnly { get; set; }
    public string? Text { get; set; }
    public TicketSortField Sort { get; set; } = TicketSortField.UpdatedAt;
    public bool Descending { get; set; } = true;
    public HashSet<TicketListColumn> Columns { get; init; } = [.. TicketListColumns.Default];
    public ViewAudience Audience { get; set; }
    public HashSet<PersonRoles> AudienceRoles { get; init; } = [];
    public HashSet<int> AudienceTeamIds { get; init; } = [];

    /// <summary>Form labels of Core's field keys, for the banner.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["name"] = "Name", ["text"] = "Text", ["team"] = "Team", ["assignee"] = "Assignee", ["columns"] = "Columns", ["audience"] = "Who sees it",
    };

    public static TicketViewForm From(TicketViewInput v) => new()
    {
        Id = v.Id, Name = v.Name, Statuses = [.. v.Statuses], TeamId = v.TeamId, Assignee = v.Assignee, AssigneePersonId = v.AssigneePersonId,
        Impact = v.Impact, OverdueOnly = v.OverdueOnly, Text = v.Text, Sort = v.Sort, Descending = v.Descending, Columns = [.. v.Columns],
        Audience = v.Audience, AudienceRoles = [.. SavedTicketViewRules.AudienceRoleChoices.Where(r => v.AudienceRoles.HasFlag(r))],
        AudienceTeamIds = [.. v.AudienceTeamIds],
    };

    // Statuses and columns keep the order of their lists, not the order they were ticked in.
    public TicketViewInput ToInput() => new()
    {
        Id = Id, Name = Name, Statuses = [.. Enum.GetValues<TicketStatus>().Where(Statuses.Contains)], TeamId = TeamId, Assignee = Assignee,
        AssigneePersonId = AssigneePersonId, Impact = Impact, OverdueOnly = OverdueOnly, Text = Text, Sort = Sort, Descending = Descending,
        Columns = [.. Enum.GetValues<TicketListColumn>().Where(Columns.Contains)], Audience = Audience,
        AudienceRoles = AudienceRoles.Aggregate(PersonRoles.None, (all, r) => all | r), AudienceTeamIds = [.. AudienceTeamIds.Order()],
    };

    public static void Toggle<T>(HashSet<T> set, T item, bool on)
    {
        if (on) set.Add(item);
        else set.Remove(item);
    }
}
