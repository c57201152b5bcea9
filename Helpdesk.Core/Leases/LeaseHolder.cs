namespace Helpdesk.Core.Leases;

/// <summary>
/// Who holds a mailbox lease (or last ran a sweep) on PostgreSQL, written and renewed by the holder, for /health.
/// The lock itself is a PostgreSQL advisory lock; this row only reports it.
/// </summary>
public sealed class LeaseHolder
{
    /// <summary><see cref="LeaseResource"/>: "mailbox:Support", "sweep:overdue".</summary>
    public required string Resource { get; set; }
    public required string Instance { get; set; }
    public DateTime Since { get; set; }
    public DateTime RenewedAt { get; set; }
}
