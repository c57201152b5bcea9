using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Blazor.Features.Tickets.Views;

/// <summary>A view's filter and audience in words, for the administrators' list.</summary>
public static class TicketViewDescription
{
    public static string Filter(TicketViewInput v, TicketLookups lookups)
    {
        var parts = new List<string>
        {
            v.Statuses.Count == 0 ? "Any status" : string.Join(", ", v.Statuses.Select(s => s.Label())),
        };
        if (v.TeamId is { } team) parts.Add("team " + (lookups.Teams.FirstOrDefault(t => t.Id == team)?.Name ?? "(deleted)"));
        parts.Add(v.Assignee switch
        {
            ViewAssignee.Me => "assigned to the reader",
            ViewAssignee.Unassigned => "unassigned",
            ViewAssignee.Person => "assigned to " + (lookups.Agents.FirstOrDefault(a => a.Id == v.AssigneePersonId)?.Name ?? "(deleted)"),
            _ => "any assignee",
        });
        if (v.Impact is { } impact) parts.Add($"{impact} impact");
        if (v.OverdueOnly) parts.Add("overdue");
        if (!string.IsNullOrWhiteSpace(v.Text)) parts.Add($"containing \"{v.Text}\"");
        return string.Join(" · ", parts);
    }

    public static string Audience(TicketViewInput v, TicketLookups lookups) => v.Audience switch
    {
        ViewAudience.Roles => string.Join(", ", SavedTicketViewRules.AudienceRoleChoices.Where(r => v.AudienceRoles.HasFlag(r)).Select(r => r.Label())),
        ViewAudience.Teams => "Members of " + string.Join(", ", v.AudienceTeamIds.Select(id => lookups.Teams.FirstOrDefault(t => t.Id == id)?.Name ?? "(deleted team)")),
        _ => "All agents",
    };
}
