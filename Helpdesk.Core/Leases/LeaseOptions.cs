namespace Helpdesk.Core.Leases;

/// <summary>Section "Leases": how work is shared between several console instances on one PostgreSQL database.</summary>
public sealed class LeaseOptions
{
    public const string Section = "Leases";

    /// <summary>
    /// The longest a mailbox goes without a fetcher when its holder dies: an instance without the lease tries again
    /// every third of it, and a holder that cannot renew within a third of it stops fetching.
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a waiting instance tries to take a lease, and a holder renews it.</summary>
    public TimeSpan Retry => Period / 3;
}
