using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Views;

/// <summary>Creates or updates an administrator's view; a new one goes to the end of the navigation.</summary>
public sealed class SaveTicketViewCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, SharedState.SettingsChanges changes)
{
    public async Task<int> ExecuteAsync(TicketViewInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = input.Name?.Trim() ?? "";
        var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        var errors = new Dictionary<string, string>();
        if (name.Length == 0) errors["name"] = "A name is required.";
        else if (name.Length > SavedTicketViewRules.MaxNameLength) errors["name"] = $"Use at most {SavedTicketViewRules.MaxNameLength} characters.";
        else if (TicketViews.BuiltIn.Any(v => string.Equals(v.Title, name, StringComparison.OrdinalIgnoreCase))
            || await db.Set<SavedTicketView>().AnyAsync(v => v.Id != input.Id && v.Name == name, ct))
            errors["name"] = $"A view named {name} already exists.";
        if (text?.Length > SavedTicketViewRules.MaxTextLength) errors["text"] = $"Use at most {SavedTicketViewRules.MaxTextLength} characters.";
        if (input.TeamId is { } teamId && !await db.Set<Team>().AnyAsync(t => t.Id == teamId, ct)) errors["team"] = "The team no longer exists.";
        if (input.Assignee == ViewAssignee.Person && input.AssigneePersonId is null) errors["assignee"] = "Choose the agent.";
        else if (input.Assignee == ViewAssignee.Person && !await db.Set<Person>().AnyAsync(p => p.Id == input.AssigneePersonId, ct)) errors["assignee"] = "The agent no longer exists.";
        if (input.Columns.Count == 0) errors["columns"] = "Choose at least one column.";
        if (input.Audience == ViewAudience.Roles && !SavedTicketViewRules.AudienceRoleChoices.Any(r => input.AudienceRoles.HasFlag(r)))
            errors["audience"] = "Choose at least one role.";
        var teamIds = input.AudienceTeamIds.Distinct().ToList();
        if (input.Audience == ViewAudience.Teams && teamIds.Count == 0) errors["audience"] = "Choose at least one team.";
        else if (input.Audience == ViewAudience.Teams && await db.Set<Team>().CountAsync(t => teamIds.Contains(t.Id), ct) != teamIds.Count)
            errors["audience"] = "A chosen team no longer exists.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var view = input.Id is { } id
            ? await db.Set<SavedTicketView>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("That view no longer exists.")
            : db.Add(new SavedTicketView
            {
                Name = name,
                Position = (await db.Set<SavedTicketView>().MaxAsync(v => (int?)v.Position, ct) ?? 0) + 1,
            }).Entity;
        view.Name = name;
        view.Statuses = [.. input.Statuses.Distinct().Order()];
        view.TeamId = input.TeamId;
        view.Assignee = input.Assignee;
        view.AssigneePersonId = input.Assignee == ViewAssignee.Person ? input.AssigneePersonId : null;
        view.Impact = input.Impact;
        view.OverdueOnly = input.OverdueOnly;
        view.Text = text;
        view.Sort = input.Sort;
        view.Descending = input.Descending;
        view.Columns = [.. input.Columns.Distinct()];
        view.Audience = input.Audience;
        view.AudienceRoles = input.Audience == ViewAudience.Roles ? input.AudienceRoles & SavedTicketViewRules.AudienceRoleChoices.Aggregate((a, b) => a | b) : PersonRoles.None;
        view.AudienceTeamIds = input.Audience == ViewAudience.Teams ? teamIds : [];
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"A view named {name} was just added by someone else.", ct);
        await changes.SavedAsync(SharedState.SettingsChanges.TicketViews, ct);
        return view.Id;
    }
}
