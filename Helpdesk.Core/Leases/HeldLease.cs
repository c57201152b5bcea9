namespace Helpdesk.Core.Leases;

/// <summary>A lease this instance holds until it is disposed or <see cref="Lost"/> fires (then the work must stop).</summary>
public abstract class HeldLease : IAsyncDisposable
{
    public abstract CancellationToken Lost { get; }

    public abstract ValueTask DisposeAsync();
}
