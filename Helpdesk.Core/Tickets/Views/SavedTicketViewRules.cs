using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets.Views;

public static class SavedTicketViewRules
{
    public const int MaxNameLength = 80;
    public const int MaxTextLength = 200;
    public const string KeyPrefix = "custom-";

    /// <summary>The console roles a view can be shown to.</summary>
    public static readonly IReadOnlyList<PersonRoles> AudienceRoleChoices = [PersonRoles.Agent, PersonRoles.Supervisor, PersonRoles.Administrator];

    public static bool IsFor(this SavedTicketView view, PersonRoles roles, IReadOnlyCollection<int> teamIds) => view.Audience switch
    {
        ViewAudience.AllAgents => true,
        ViewAudience.Roles => (view.AudienceRoles & roles) != PersonRoles.None,
        ViewAudience.Teams => view.AudienceTeamIds.Any(teamIds.Contains),
        _ => false,
    };

    /// <summary>The view as the list and the navigation use it, the same shape as a built-in one.</summary>
    public static TicketView ToTicketView(this SavedTicketView view)
    {
        var statuses = view.Statuses.Distinct().ToList();
        var (teamId, assignee, personId, impact, overdue, text, sort, descending) =
            (view.TeamId, view.Assignee, view.AssigneePersonId, view.Impact, view.OverdueOnly, view.Text, view.Sort, view.Descending);
        return new TicketView(KeyPrefix + view.Id, view.Name, me => new TicketListRequest
        {
            Statuses = statuses,
            TeamId = teamId,
            Unassigned = assignee == ViewAssignee.Unassigned,
            MemberId = assignee switch
            {
                ViewAssignee.Me => me ?? -1,
                ViewAssignee.Person => personId,
                _ => null,
            },
            Impact = impact,
            OverdueOnly = overdue,
            Text = text,
            Sort = sort,
            Descending = descending,
        })
        { Columns = view.Columns.Count == 0 ? TicketListColumns.Default : [.. view.Columns.Distinct()] };
    }
}
