using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Benchmarks.Startup;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Hosting;

/// <summary>The built console run as `dotnet Helpdesk.Blazor.dll migrate-data …`, as an operator runs it.</summary>
public sealed class MigrateDataCommandLineTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (exitCode, output, errors) = await AppProcess.RunToExitAsync(AppProcess.BuiltDll("Helpdesk.Blazor", "Helpdesk.Blazor"), ["migrate-data", .. args]);
        return (exitCode, output + errors);
    }

    [Fact]
    public async Task MigrateData_NoTarget_ExitsOneWithUsage()
    {
        var (exitCode, output) = await RunAsync("--blobs-to-database");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("--to-postgres and a PostgreSQL connection string are required.", output);
        Assert.Contains("Usage: dotnet run --project Helpdesk.Blazor -- migrate-data --to-postgres", output);
    }

    [Fact]
    public async Task MigrateData_UnreachableServer_ExitsOneWithAPlainSentence()
    {
        await using var sqlite = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);

        var (exitCode, output) = await RunAsync("--to-postgres", "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=3",
            $"--Helpdesk:DataFolder={sqlite.DataFolder}");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Could not connect to the PostgreSQL database:", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task MigrateData_ConsoleDataFolder_ExitsZeroWithTheVerifiedTableThenRefusesTheSameTarget()
    {
        await using var sqlite = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var caller = await sqlite.AddPersonAsync("Carl Caller", "carl@customer.test");
        await sqlite.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
        await using var target = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        string[] args = ["--to-postgres", target.Settings["ConnectionStrings:Helpdesk"]!, $"--Helpdesk:DataFolder={sqlite.DataFolder}"];

        var (exitCode, output) = await RunAsync(args);
        var (againExitCode, againOutput) = await RunAsync(args);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"(?m)^Ticket +1 +1  same [0-9a-f]{16}$", output);
        Assert.Matches(@"All \d+ tables copied and verified", output);
        Assert.Contains($"Attachments and raw mail stay in {Path.Combine(sqlite.DataFolder, "attachments")}", output);
        Assert.Equal(1, againExitCode);
        Assert.StartsWith("The PostgreSQL database is not empty:", againOutput);
    }
}
