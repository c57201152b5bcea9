using Helpdesk.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// Test hosts on PostgreSQL connect without pooling (<see cref="TestSupport.TestDatabase"/>), so each context the
/// product opens would start a server process; a benchmark measures the product as it runs, with Npgsql's pool.
/// </summary>
public static class PooledConnections
{
    public static void Use(HostApplicationBuilder builder)
    {
        if (DatabaseProviderSelection.From(builder.Configuration) != DatabaseProvider.PostgreSQL
            || builder.Configuration["ConnectionStrings:Helpdesk"] is not { } connection) return;
        builder.Configuration["ConnectionStrings:Helpdesk"] = new NpgsqlConnectionStringBuilder(connection) { Pooling = true }.ToString();
    }
}
