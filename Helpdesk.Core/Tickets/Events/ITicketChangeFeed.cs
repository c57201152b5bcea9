namespace Helpdesk.Core.Tickets.Events;

/// <summary>Where open console pages hear of committed ticket changes (see <see cref="Writing.TicketChangeNotifier"/>).</summary>
public interface ITicketChangeFeed
{
    /// <summary>The handler hears each change once, in the order the changes were committed.</summary>
    IDisposable Subscribe(Func<TicketChanged, Task> handler);
}
