using Helpdesk.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        // Pooled: a context's internal services are set up once and reset on return, instead of for every context (about
        // a third of a plain ticket list's time on PostgreSQL went to creating its context).
        builder.Services.AddPooledDbContextFactory<HelpdeskDbContext>((sp, options) =>
        {
            options.UseConfiguredProvider(builder.Configuration, sp.GetRequiredService<DataFolder>())
                .AddInterceptors(sp.GetRequiredService<DatabaseErrorInterceptor>(), sp.GetRequiredService<Mail.Outbound.OutboxWakeInterceptor>());
            if (sp.GetService<SharedState.TicketChangeSignalInterceptor>() is { } signal) options.AddInterceptors(signal); // PostgreSQL only
            // PostgreSQL locks rows, not the database: there is no lock to take turns at.
            if (DatabaseProviderSelection.From(builder.Configuration) == DatabaseProvider.Sqlite) options.AddInterceptors(sp.GetRequiredService<WriteTurnsInterceptor>());
        });
        builder.Services.AddSingleton<DatabaseErrorInterceptor>();
        builder.Services.AddSingleton<WriteTurns>();
        builder.Services.AddSingleton<WriteTurnsInterceptor>();
        builder.Services.AddSingleton<Mail.Outbound.OutboxWake>();
        builder.Services.AddSingleton<Mail.Outbound.OutboxWakeInterceptor>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }
}
