using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Helpdesk.Blazor.Hosting.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>/health: database, background workers and mailbox leases (200 when healthy, 503 when not).</summary>
    public static IServiceCollection AddHelpdeskHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<WorkersHealthCheck>("workers", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static WebApplication MapHelpdeskHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync })
            .AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }
}
