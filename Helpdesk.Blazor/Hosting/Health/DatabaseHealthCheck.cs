using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Blazor.Hosting.Health;

/// <summary>Whether the database answers. The reason is logged, never shown: /health is anonymous.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HelpdeskDbContext> contexts, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy("reachable") : HealthCheckResult.Unhealthy("unreachable");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Health: the database is unreachable: {Error}", ex.Message);
            return HealthCheckResult.Unhealthy("unreachable");
        }
    }
}
