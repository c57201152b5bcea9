using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Core.DataMigration;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// <c>migrate-data --to-postgres "&lt;connection&gt;" [--blobs-to-database] [--Section:Key=value …]</c>: reads the
/// source database and blob folder from the console's own configuration, runs <see cref="MigrateDataCommand"/> and
/// returns the process exit code (0 when everything was copied and verified).
/// </summary>
public static class MigrateDataCommandLine
{
    public const string Verb = "migrate-data";

    private const string Usage = """
        Usage: dotnet run --project Helpdesk.Blazor -- migrate-data --to-postgres "Host=…;Database=…;Username=…;Password=…" [--blobs-to-database]
        Copies this console's SQLite database (and with --blobs-to-database its attachment folder) into an empty PostgreSQL database.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? target = null;
        var blobsToDatabase = false;
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to-postgres" when i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]): target = args[++i]; break;
                case "--blobs-to-database": blobsToDatabase = true; break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':'): configuration.Add(setting); break;
                default: return Refuse(output, $"Unknown or incomplete argument: {args[i]}");
            }
        }
        if (target is null) return Refuse(output, "--to-postgres and a PostgreSQL connection string are required.");
        try
        {
            var request = RequestFrom(WebApplication.CreateBuilder([.. configuration]), target, blobsToDatabase);
            return await new MigrateDataCommand(output).ExecuteAsync(request) ? 0 : 1;
        }
        catch (Exception e)
        {
            // The operator gets the reason in one sentence, never a stack trace.
            output.WriteLine($"migrate-data stopped: {e.Message}");
            return 1;
        }
    }

    private static MigrateDataRequest RequestFrom(WebApplicationBuilder builder, string target, bool blobsToDatabase)
    {
        var config = builder.Configuration;
        if (DatabaseProviderSelection.From(config) != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("This console is configured for PostgreSQL already; migrate-data copies from its SQLite database.");
        var dataFolder = new DataFolder(Options.Create(config.GetSection(HelpdeskOptions.Section).Get<HelpdeskOptions>() ?? new()), builder.Environment.ContentRootPath);
        var options = new DbContextOptionsBuilder<HelpdeskDbContext>();
        options.UseConfiguredProvider(config, dataFolder);
        using var source = new HelpdeskDbContext(options.Options);
        var blobs = config.GetSection(BlobOptions.Section).Get<BlobOptions>() ?? new();
        return new MigrateDataRequest(source.Database.GetConnectionString()!, target, BlobContentSelection.FolderOf(blobs, dataFolder), blobsToDatabase);
    }

    private static int Refuse(TextWriter output, string problem)
    {
        output.WriteLine(problem);
        output.WriteLine(Usage);
        return 1;
    }
}
