using Helpdesk.Core;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// Builds and runs the console. A start that cannot go on (a wrong setting, a database that cannot be reached, a port
/// in use) ends with one sentence on standard error and exit code 1, never an unhandled exception's stack trace.
/// </summary>
public static class ConsoleStart
{
    public const string SeedDemoArgument = "--seed-demo";

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        WebApplication app;
        try
        {
            var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemoArgument).ToArray());
            if (args.Contains(SeedDemoArgument))
                builder.Configuration["Helpdesk:SeedDemoData"] = "true";
            builder.AddHelpdeskCore();
            builder.AddHelpdeskConsole();
            app = builder.Build();
            CheckSettings(app.Services);
        }
        // A test host (WebApplicationFactory) stops the entry point at Build with HostAbortedException; it must pass.
        catch (Exception e) when (e is not HostAbortedException)
        {
            error.WriteLine($"Helpdesk did not start: {StartFailure.Describe(e)}");
            return 1;
        }

        await using (app)
        {
            app.UseHelpdeskConsole();
            try
            {
                await app.StartAsync();
            }
            catch (Exception e)
            {
                // The host has logged it with its details already; the operator's last line says what to fix.
                error.WriteLine($"Helpdesk did not start: {StartFailure.Describe(e)}");
                return 1;
            }
            await app.WaitForShutdownAsync();
            return 0;
        }
    }

    /// <summary>
    /// What the host would find only while starting, asked before anything starts, so that a setting's mistake is
    /// reported alone rather than inside the host's failure log: every options validation registered with
    /// ValidateOnStart, and the database provider's options (provider name, connection string, SQLite settings).
    /// </summary>
    private static void CheckSettings(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        _ = services.GetRequiredService<DbContextOptions<HelpdeskDbContext>>();
    }
}
