using System.Text.RegularExpressions;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Persistence;

public sealed partial class CompiledModelTests
{
    private const string Folder = "Helpdesk.Core/Persistence/CompiledModel";

    [Fact]
    public async Task CompiledModel_Committed_IsWhatTheCurrentModelGenerates()
    {
        // The compiled model is SQLite's; PostgreSQL builds its model at start (DatabaseProviderSelection).
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var db = await host.DbAsync();
        var output = Directory.CreateTempSubdirectory("helpdesk-compiled-model").FullName;
        try
        {
            // What `dotnet ef dbcontext optimize` (scripts/compiled-model.sh) does, from the model OnModelCreating builds.
#pragma warning disable EF1001 // the design-time service builder is internal API: the same one the dotnet-ef tool uses
            var services = new DesignTimeServicesBuilder(typeof(HelpdeskDbContext).Assembly, typeof(Program).Assembly, new OperationReporter(null), [])
                .Build(db);
#pragma warning restore EF1001
            var generated = services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(db.GetService<IDesignTimeModel>().Model, output,
                new CompiledModelCodeGenerationOptions
                {
                    ContextType = typeof(HelpdeskDbContext), ModelNamespace = "Helpdesk.Core.Persistence.CompiledModel", Language = "C#",
                    UseNullableReferenceTypes = true,
                });

            Assert.IsType<Helpdesk.Core.Persistence.CompiledModel.HelpdeskDbContextModel>(db.Model); // the app starts with it
            var committed = Path.Combine(RepositoryRoot(), Folder);
            // scripts/compiled-model.sh deletes the assembly attribute, which would hand the model to every provider.
            var files = generated.Where(f => Path.GetFileName(f) != "HelpdeskDbContextAssemblyAttributes.cs").ToList();
            Assert.Equal(Names(committed), files.Select(Path.GetFileName).Order());
            foreach (var file in files)
                Assert.True(Comparable(file) == Comparable(Path.Combine(committed, Path.GetFileName(file))),
                    $"{Folder}/{Path.GetFileName(file)} is stale: run bash scripts/compiled-model.sh");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    // Each generation gives the model a new random id.
    private static string Comparable(string file) => ModelId().Replace(File.ReadAllText(file), "modelId: new Guid()");

    [GeneratedRegex(@"modelId: new Guid\(""[0-9a-f-]+""\)")]
    private static partial Regex ModelId();

    private static IEnumerable<string?> Names(string folder) => Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Order();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, Folder))) folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException($"{Folder} was not found above {AppContext.BaseDirectory}.");
    }
}
