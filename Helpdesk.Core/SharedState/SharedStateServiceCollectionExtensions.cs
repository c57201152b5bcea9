using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.SharedState;

public static class SharedStateServiceCollectionExtensions
{
    /// <summary>
    /// Live updates, setting changes, ticket presence and the Data Protection key ring across instances (the keys' store is chosen with the
    /// rest of Data Protection in AddHelpdeskCore). SQLite is one process per data folder: it signals in process only and
    /// gets neither the listener, nor the interceptor, nor the key import.
    /// </summary>
    public static IHostApplicationBuilder AddSharedState(this IHostApplicationBuilder builder)
    {
        var acrossInstances = DatabaseProviderSelection.From(builder.Configuration) == DatabaseProvider.PostgreSQL;
        builder.Services.AddSingleton(sp => new SettingsChanges(
            sp.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), acrossInstances, sp.GetRequiredService<ILogger<SettingsChanges>>()));
        builder.Services.AddSingleton<BatchSettings>();
        if (!acrossInstances) return builder;
        builder.Services.AddSingleton<IStartupSeeder, DataFolderKeysImport>();
        builder.Services.AddSingleton<TicketChangeSignalInterceptor>();
        builder.Services.AddSingleton<Tickets.Presence.SharedTicketPresence>();
        builder.Services.AddSingleton<PostgresChangeListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeListener>());
        return builder;
    }
}
