using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Plain SQL for the checks every start makes: the first LINQ query of a process compiles EF's query pipeline, a large
/// part of a cold start, and these checks almost always find nothing to do.
/// </summary>
internal static class StartupQueries
{
    public static async Task<List<object?>> ColumnAsync(this HelpdeskDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new List<object?>();
            while (await reader.ReadAsync(ct)) values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
            return values;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
