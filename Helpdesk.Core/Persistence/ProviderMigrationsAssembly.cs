using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Helpdesk.Core.Persistence;

#pragma warning disable EF1001 // MigrationsAssembly is EF's own; subclassing it keeps its discovery and only narrows it.
/// <summary>
/// Both providers' migrations live in Helpdesk.Core, each in its own namespace (Persistence/Migrations for SQLite,
/// Persistence/PostgresMigrations for PostgreSQL); a context sees only its provider's migrations and snapshot.
/// </summary>
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger) : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    public const string SqliteNamespace = "Helpdesk.Core.Persistence.Migrations";
    public const string PostgresNamespace = "Helpdesk.Core.Persistence.PostgresMigrations";

    private readonly string _namespace = currentContext.Context.Database.IsNpgsql() ? PostgresNamespace : SqliteNamespace;
    private readonly Type _contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        _migrations ??= base.Migrations.Where(m => m.Value.Namespace == _namespace).ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot =>
        Assembly.DefinedTypes
            .Where(t => t.Namespace == _namespace && !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot))
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType)
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
            .FirstOrDefault();
}
#pragma warning restore EF1001
