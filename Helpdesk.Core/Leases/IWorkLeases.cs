namespace Helpdesk.Core.Leases;

/// <summary>
/// Who does shared work when several instances run on one database: one fetcher per mailbox, one run of a sweep per
/// interval. Picked per provider (<see cref="LeasesServiceCollectionExtensions"/>): PostgreSQL advisory locks, or on
/// SQLite (one process per data folder) always granted.
/// </summary>
public interface IWorkLeases
{
    /// <summary>Takes the lease on <paramref name="resource"/>, or returns null when another instance holds it.</summary>
    Task<HeldLease?> TryTakeAsync(string resource, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> unless another instance runs it now or ran it less than about
    /// <paramref name="interval"/> ago.
    /// </summary>
    /// <returns>Whether this instance ran it.</returns>
    Task<bool> RunOnceAsync(string sweep, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken ct);

    /// <summary>The mailbox leases held now, by any instance.</summary>
    Task<IReadOnlyList<LeaseHolder>> MailboxHoldersAsync(CancellationToken ct);

    /// <summary>When each sweep last ran (<see cref="LeaseHolder.RenewedAt"/>) and on which instance.</summary>
    Task<IReadOnlyList<LeaseHolder>> SweepRunsAsync(CancellationToken ct);
}
