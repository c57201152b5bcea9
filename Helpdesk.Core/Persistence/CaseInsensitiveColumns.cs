using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Entity configurations mark case-insensitive names and addresses with SQLite's NOCASE collation; on PostgreSQL the
/// same columns become citext, which compares, indexes (unique names) and LIKE-matches without case.
/// </summary>
internal static class CaseInsensitiveColumns
{
    public const string SqliteCollation = "NOCASE";

    public static void UseCitextForNocase(ModelBuilder builder)
    {
        builder.HasPostgresExtension("citext");
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.GetCollation() != SqliteCollation) continue;
            property.SetCollation(null);
            property.SetColumnType("citext");
        }
    }
}
