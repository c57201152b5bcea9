namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// Per circuit: how many of the ticket list's renders the browser has not shown yet (Blazor calls OnAfterRender once
/// the browser has applied a render). A tab that falls behind (a busy machine, a slow link) gets no row patches
/// (<see cref="TicketListPatch"/>), only the coalesced reloads, so it catches up instead of queueing a render per change.
/// </summary>
public sealed class TicketListBrowserPace
{
    /// <summary>Renders on their way to the browser beyond which a tab counts as behind.</summary>
    public const int MostUnshown = 1;

    private int _unshown;

    public bool Behind => Volatile.Read(ref _unshown) > MostUnshown;

    public void Rendering() => Interlocked.Increment(ref _unshown);

    public void Shown()
    {
        int unshown;
        do unshown = Volatile.Read(ref _unshown);
        while (unshown > 0 && Interlocked.CompareExchange(ref _unshown, unshown - 1, unshown) != unshown);
    }
}
