using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// What a context already holds, so that a write path need not read back what it just read or wrote. Looked up without
/// EF's automatic scan of every tracked entity for edits (a tenth of a mailed-in ticket's processing went to those scans).
/// </summary>
public static class TrackedRows
{
    /// <summary>The rows of a type that the context has saved (in its open transaction) or read, with any changes made since.</summary>
    /// <remarks>An edit not yet detected leaves a row Unchanged instead of Modified: in this list either way.</remarks>
    public static IReadOnlyList<T> Saved<T>(this HelpdeskDbContext db) where T : class =>
        WithoutScanningAll(db, () => db.ChangeTracker.Entries<T>()
            .Where(e => e.State is EntityState.Unchanged or EntityState.Modified).Select(e => e.Entity).ToList());

    /// <summary>The row with this key, if the context read or saved it and it is unchanged since.</summary>
    public static T? Unchanged<T>(this HelpdeskDbContext db, int key) where T : class
    {
        var entry = WithoutScanningAll(db, () => db.Set<T>().Local.FindEntry(key));
        if (entry is null) return null;
        entry.DetectChanges(); // this row only
        return entry.State == EntityState.Unchanged ? entry.Entity : null;
    }

    private static TResult WithoutScanningAll<TResult>(HelpdeskDbContext db, Func<TResult> read)
    {
        var scanning = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = scanning;
        }
    }
}
