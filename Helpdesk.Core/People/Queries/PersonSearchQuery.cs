using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.People.Queries;

/// <summary>People for pickers: matches name or any email address, active people only.</summary>
public sealed class PersonSearchQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<PersonRef>> ExecuteAsync(string? text, bool agentsOnly = false, int limit = 20, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var people = db.Set<Person>().AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(p => EF.Functions.Like(p.Name, pattern, "\\")
                || EF.Functions.Like(p.PrimaryEmail, pattern, "\\")
                || p.OtherEmails.Any(e => EF.Functions.Like(e.Address, pattern, "\\")));
        }
        var list = await people.OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.PrimaryEmail, p.Roles }).ToListAsync(ct);
        return [.. list
            .Where(p => !agentsOnly || (p.Roles & PersonRoles.Agent) != 0)
            .Take(limit)
            .Select(p => new PersonRef(p.Id, p.Name, p.PrimaryEmail))];
    }
}
