using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.ChangesAndProblems;

public sealed record ChangeOrProblemInput(int? Id, ChangeOrProblemKind Kind, string Subject, ChangeOrProblemStatus Status, int? ManagerId, int? TeamId);

public sealed record ChangeOrProblemRow(int Id, ChangeOrProblemKind Kind, string Number, string Subject, ChangeOrProblemStatus Status,
    int? ManagerId, string? Manager, int? TeamId, string? Team, int Requests);

/// <summary>Lists, opens and saves changes and problems; a manager must be an agent.</summary>
public sealed class ChangeOrProblemCommands(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public const int MaxSubjectLength = 300;

    public async Task<IReadOnlyList<ChangeOrProblemRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ChangeOrProblem>().AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Kind, r.Subject, r.Status, r.ManagerId, r.TeamId,
                Manager = db.Set<Person>().Where(p => p.Id == r.ManagerId).Select(p => p.Name).FirstOrDefault(),
                Team = db.Set<Team>().Where(t => t.Id == r.TeamId).Select(t => t.Name).FirstOrDefault(),
                Requests = db.Set<Tickets.Ticket>().Count(t => t.ChangeId == r.Id || t.ProblemId == r.Id),
            }).ToListAsync(ct);
        return [.. rows.Select(r => new ChangeOrProblemRow(r.Id, r.Kind, ChangeOrProblem.Number(r.Kind, r.Id), r.Subject, r.Status,
            r.ManagerId, r.Manager, r.TeamId, r.Team, r.Requests))];
    }

    public async Task<int> SaveAsync(ChangeOrProblemInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var subject = input.Subject?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (subject.Length == 0) errors["subject"] = "A subject is required.";
        else if (subject.Length > MaxSubjectLength) errors["subject"] = $"At most {MaxSubjectLength} characters.";
        if (!Enum.IsDefined(input.Kind)) errors["kind"] = "Choose change or problem.";
        if (!Enum.IsDefined(input.Status)) errors["status"] = "Choose a status.";
        if (input.ManagerId is { } managerId && (await db.Set<Person>().FindAsync([managerId], ct))?.HasRole(PersonRoles.Agent) != true)
            errors["manager"] = "The manager must be an agent.";
        if (input.TeamId is { } teamId && !await db.Set<Team>().AnyAsync(t => t.Id == teamId, ct))
            errors["team"] = "The team does not exist.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var record = input.Id is { } id
            ? await db.Set<ChangeOrProblem>().FindAsync([id], ct) ?? throw new NotFoundException("That change or problem no longer exists.")
            : db.Add(new ChangeOrProblem { Subject = subject }).Entity;
        if (input.Id is not null && record.Kind != input.Kind)
            throw new ValidationFailedException("kind", "A saved change stays a change, and a problem a problem.");
        (record.Kind, record.Subject, record.Status, record.ManagerId, record.TeamId) = (input.Kind, subject, input.Status, input.ManagerId, input.TeamId);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}
