using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

/// <summary>What a context already holds, so that a write path need not read back what it just read or wrote.</summary>
public static class TrackedRows
{
    /// <summary>The rows of a type that the context has saved (in its open transaction) or read, with any changes made since.</summary>
    public static IEnumerable<T> Saved<T>(this HelpdeskDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State is EntityState.Unchanged or EntityState.Modified).Select(e => e.Entity);

    /// <summary>The row with this key, if the context read or saved it and it is unchanged since.</summary>
    public static T? Unchanged<T>(this HelpdeskDbContext db, int key) where T : class =>
        db.Set<T>().Local.FindEntry(key) is { State: EntityState.Unchanged } entry ? entry.Entity : null;
}
