using Helpdesk.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
            options.UseSqlite(connection).AddInterceptors(sp.GetRequiredService<DatabaseErrorInterceptor>());
        });
        builder.Services.AddSingleton<DatabaseErrorInterceptor>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }
}
