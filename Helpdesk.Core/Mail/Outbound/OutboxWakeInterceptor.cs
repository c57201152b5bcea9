using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// Notices outbox rows being queued (added, or set back to Pending) and wakes the sender once they are committed: right
/// after the save, or at the commit of the transaction the save ran in (earlier the sender could not see them).
/// </summary>
internal sealed class OutboxWakeInterceptor(OutboxWake wake) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _queued = new();

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && QueuesOutboxMail(context.ChangeTracker))
            _queued.AddOrUpdate(context, this);
    }

    // SaveChanges detects changes right after this; a full detection here too cost every save a second scan of every
    // tracked entity, so only the outbox rows are looked at.
    private static bool QueuesOutboxMail(ChangeTracker tracker)
    {
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<OutboxMessage>())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Modified) entry.DetectChanges();
                if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Entity.Status == OutboxStatus.Pending)) return true;
            }
            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void WakeIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Wake(context);
    }

    private void Wake(DbContext? context)
    {
        if (context is not null && _queued.Remove(context)) wake.Notify();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _queued.Remove(context);
    }
}
