using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Departments;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>Checks that the people, team, department, help topic and SLA plan a ticket points at exist, collecting one message per field.</summary>
internal static class TicketReferenceValidator
{
    public static async Task CheckAsync(HelpdeskDbContext db, Dictionary<string, string> errors,
        int? requestedForId, int? teamId, int? memberId, int? departmentId, int? helpTopicId, int? slaPlanId, CancellationToken ct)
    {
        if (requestedForId is { } rf && !IsReadActive(db, rf) && !await db.Set<Person>().AnyAsync(p => p.Id == rf && p.IsActive, ct))
            errors[TicketFields.RequestedFor] = "The requester is not a known, active person.";
        if (teamId is { } t && !await db.Set<Team>().AnyAsync(x => x.Id == t, ct))
            errors[TicketFields.Team] = "The team does not exist.";
        if (memberId is { } m && !await db.Set<Person>().AnyAsync(p => p.Id == m && p.IsActive, ct))
            errors[TicketFields.Member] = "The assignee is not a known, active person.";
        if (departmentId is { } d && !await db.Set<Department>().AnyAsync(x => x.Id == d, ct))
            errors[TicketFields.Department] = "The department does not exist.";
        if (helpTopicId is { } h && !await db.Set<HelpTopic>().AnyAsync(x => x.Id == h, ct))
            errors[TicketFields.HelpTopic] = "The help topic does not exist.";
        if (slaPlanId is { } s && !await db.Set<SlaPlan>().AnyAsync(x => x.Id == s, ct))
            errors[TicketFields.SlaPlan] = "The SLA plan does not exist.";
    }

    /// <summary>The person was already read in this transaction (e.g. a mail's sender), unchanged and active: no need to ask again.</summary>
    private static bool IsReadActive(HelpdeskDbContext db, int personId) =>
        db.Unchanged<Person>(personId) is { IsActive: true };

    public static string? CheckSubject(string? subject, Dictionary<string, string> errors)
    {
        var trimmed = subject?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            errors[TicketFields.Subject] = "A subject is required.";
        else if (trimmed.Length > TicketRules.MaxSubjectLength)
            errors[TicketFields.Subject] = $"The subject is longer than {TicketRules.MaxSubjectLength} characters.";
        return trimmed;
    }
}
