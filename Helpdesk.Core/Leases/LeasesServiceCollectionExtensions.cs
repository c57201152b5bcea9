using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Leases;

public static class LeasesServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddLeases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LeaseOptions>().Bind(builder.Configuration.GetSection(LeaseOptions.Section))
            .Validate(o => o.Period >= TimeSpan.FromSeconds(3), "Leases:Period must be at least 3 seconds.")
            .ValidateOnStart();
        if (DatabaseProviderSelection.From(builder.Configuration) == DatabaseProvider.PostgreSQL)
            builder.Services.AddSingleton<IWorkLeases>(sp => new PostgresLeases(
                builder.Configuration.GetConnectionString("Helpdesk")!,
                sp.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(),
                sp.GetRequiredService<IOptions<HelpdeskOptions>>(),
                sp.GetRequiredService<IOptions<LeaseOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PostgresLeases>>()));
        else
            builder.Services.AddSingleton<IWorkLeases, SingleProcessLeases>();
        return builder;
    }
}
