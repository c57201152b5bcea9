using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// A database trigger that fails a write with "simulated crash", in the SQL of the provider the test runs on: the crash
/// windows are tested on SQLite and PostgreSQL alike.
/// </summary>
public sealed class CrashTrigger(string table, string @event, string? condition)
{
    /// <summary>Fails the update that sets a received mail's outcome to Processed.</summary>
    public static readonly CrashTrigger BeforeProcessedOutcome = new("InboundMessage", "UPDATE OF \"Status\"", "NEW.\"Status\" = 'Processed'");

    /// <summary>Fails every new ticket.</summary>
    public static readonly CrashTrigger BeforeNewTicket = new("Ticket", "INSERT", null);

    private string Name => $"crash_{table.ToLowerInvariant()}";

    public async Task CreateAsync(DbContext db)
    {
        var guard = condition is null ? "" : $" WHEN ({condition})";
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE OR REPLACE FUNCTION simulated_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$");
            var trigger = $"CREATE TRIGGER {Name} BEFORE {@event} ON \"{table}\" FOR EACH ROW{guard} EXECUTE FUNCTION simulated_crash()";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }
        else
        {
            var trigger = $"CREATE TRIGGER {Name} BEFORE {@event} ON \"{table}\"{guard} BEGIN SELECT RAISE(ABORT, 'simulated crash'); END";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }
    }

    public async Task DropAsync(DbContext db) =>
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? $"DROP TRIGGER {Name} ON \"{table}\"" : $"DROP TRIGGER {Name}");
}
