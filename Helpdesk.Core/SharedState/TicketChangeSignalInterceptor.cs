using System.Runtime.CompilerServices;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// PostgreSQL only: a save that adds <see cref="TicketChange"/> rows also sends <c>NOTIFY helpdesk_ticket_changes</c> with
/// the highest id, in the save's transaction, so PostgreSQL delivers it to every instance only when that commits.
/// </summary>
internal sealed class TicketChangeSignalInterceptor(ILogger<TicketChangeSignalInterceptor> logger) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<TicketChange>> _added = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } lastId) return result;
        var db = eventData.Context!.Database;
        try
        {
            await db.ExecuteSqlAsync($"SELECT pg_notify({SharedStateChannels.TicketChanges}, {lastId.ToString()})", cancellationToken);
        }
        catch (Exception ex) when (db.CurrentTransaction is null && ex is not OperationCanceledException)
        {
            NotTold(ex, lastId);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is not { } lastId) return result;
        var db = eventData.Context!.Database;
        try
        {
            db.ExecuteSql($"SELECT pg_notify({SharedStateChannels.TicketChanges}, {lastId.ToString()})");
        }
        catch (Exception ex) when (db.CurrentTransaction is null)
        {
            NotTold(ex, lastId);
        }
        return result;
    }

    // Without a transaction of the caller's the rows are already committed, so the save must not fail now (inside one, a
    // failed NOTIFY fails the commit too, as it should). Other instances show the rows at their next notification.
    private void NotTold(Exception ex, long lastId) =>
        logger.LogWarning(ex, "Telling other instances of ticket change {ChangeId} failed", lastId);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        List<TicketChange> added = [.. context.ChangeTracker.Entries<TicketChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
        if (added.Count > 0) _added.AddOrUpdate(context, added);
    }

    private long? Take(DbContext? context) =>
        context is not null && _added.TryGetValue(context, out var added) && _added.Remove(context) ? added.Max(c => c.Id) : null;

    private void Forget(DbContext? context)
    {
        if (context is not null) _added.Remove(context);
    }
}
