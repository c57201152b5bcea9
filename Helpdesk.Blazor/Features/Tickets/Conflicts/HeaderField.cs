using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Conflicts;

/// <summary>One header field: how to read it from a form, copy it between forms, and show its value to a person.</summary>
public sealed record HeaderField(string Label, Func<TicketHeaderForm, object?> Get, Action<TicketHeaderForm, TicketHeaderForm> Copy,
    Func<object?, TicketLookups, string> Show)
{
    public static readonly IReadOnlyList<HeaderField> All =
    [
        new("Subject", f => f.Subject, (to, from) => to.Subject = from.Subject, (v, _) => (string?)v ?? ""),
        new("Status", f => f.Status, (to, from) => to.Status = from.Status, (v, _) => ((TicketStatus)v!).Label()),
        new("Category", f => f.Category, (to, from) => to.Category = from.Category, (v, _) => v?.ToString() ?? ""),
        new("Impact", f => f.Impact, (to, from) => to.Impact = from.Impact, (v, _) => v?.ToString() ?? "none"),
        new("Requested for", f => f.RequestedFor?.Id, (to, from) => to.RequestedFor = from.RequestedFor, (v, _) => v?.ToString() ?? "none"),
        new("Team", f => f.TeamId, (to, from) => to.TeamId = from.TeamId, (v, l) => Name(l.Teams, v)),
        new("Assignee", f => f.MemberId, (to, from) => to.MemberId = from.MemberId, (v, l) => v is int id ? l.Agents.FirstOrDefault(a => a.Id == id)?.Name ?? $"#{id}" : "none"),
        new("Department", f => f.DepartmentId, (to, from) => to.DepartmentId = from.DepartmentId, (v, l) => Name(l.Departments, v)),
        new("Resolution target", f => f.ResolutionTargetAt, (to, from) => to.ResolutionTargetAt = from.ResolutionTargetAt, (v, _) => v is DateTime d ? d.ToString("g") : "none"),
        new("Help topic", f => f.HelpTopicId, (to, from) => to.HelpTopicId = from.HelpTopicId, (v, l) => Name(l.HelpTopics, v)),
        new("SLA plan", f => f.SlaPlanId, (to, from) => to.SlaPlanId = from.SlaPlanId, (v, l) => Name(l.SlaPlans, v)),
    ];

    private static string Name(IReadOnlyList<NamedRef> options, object? value) =>
        value is int id ? options.FirstOrDefault(o => o.Id == id)?.Name ?? $"#{id}" : "none";
}
