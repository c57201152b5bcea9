using Helpdesk.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContextFactory<HelpdeskDbContext>((sp, options) =>
        {
            var dataFolder = sp.GetRequiredService<DataFolder>();
            var connection = builder.Configuration.GetConnectionString("Helpdesk")
                ?? new SqliteConnectionStringBuilder
                {
                    DataSource = dataFolder.Combine("helpdesk.db"),
                    Pooling = true,
                    DefaultTimeout = 30,
                }.ToString();
            options.UseSqlite(connection).AddInterceptors(sp.GetRequiredService<DatabaseErrorInterceptor>(), sp.GetRequiredService<Mail.Outbound.OutboxWakeInterceptor>())
                // SQLite table rebuilds in generated migrations switch foreign keys off outside the transaction; that is
                // EF's own pattern for SQLite, not something an operator can act on.
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
        });
        builder.Services.AddSingleton<DatabaseErrorInterceptor>();
        builder.Services.AddSingleton<Mail.Outbound.OutboxWake>();
        builder.Services.AddSingleton<Mail.Outbound.OutboxWakeInterceptor>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }
}
