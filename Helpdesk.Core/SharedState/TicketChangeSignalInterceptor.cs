using System.Runtime.CompilerServices;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// PostgreSQL only: a save that adds <see cref="TicketChange"/> rows also sends <c>NOTIFY helpdesk_ticket_changes</c> with
/// the highest id, in the save's transaction, so PostgreSQL delivers it to every instance only when that commits.
/// </summary>
internal sealed class TicketChangeSignalInterceptor : SaveChangesInterceptor
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
        if (Take(eventData.Context) is { } lastId)
            await eventData.Context!.Database.ExecuteSqlAsync($"SELECT pg_notify({SharedStateChannels.TicketChanges}, {lastId.ToString()})", cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } lastId)
            eventData.Context!.Database.ExecuteSql($"SELECT pg_notify({SharedStateChannels.TicketChanges}, {lastId.ToString()})");
        return result;
    }

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
