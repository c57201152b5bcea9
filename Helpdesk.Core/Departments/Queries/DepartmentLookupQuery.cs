using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Departments.Queries;

public sealed class DepartmentLookupQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<NamedRef>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name).Select(d => new NamedRef(d.Id, d.Name)).ToListAsync(ct);
    }
}
