using Helpdesk.Core.CaseLog;

namespace Helpdesk.Blazor.Features.Tickets.Presence;

/// <summary>
/// Who has which ticket open, across all circuits of this console process, and who is typing where. It lives in
/// memory only: presence is about this moment, and a restart closes every circuit anyway.
/// </summary>
public sealed class TicketPresenceRegistry(TimeProvider clock, ILogger<TicketPresenceRegistry> logger)
{
    /// <summary>How long one typing ping counts: the composer pings at most every couple of seconds while keys are pressed.</summary>
    public static readonly TimeSpan TypingLasts = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, List<Session>> _byTicket = [];

    public PresenceHandle Join(int ticketId, int? personId, string name, Func<Task> onChanged)
    {
        var session = new Session(Guid.NewGuid(), ticketId, personId, name, onChanged);
        lock (_lock)
        {
            if (!_byTicket.TryGetValue(ticketId, out var sessions)) _byTicket[ticketId] = sessions = [];
            sessions.Add(session);
        }
        NotifyOthers(session);
        return new PresenceHandle(this, session);
    }

    public IReadOnlyList<TicketViewer> Viewers(int ticketId)
    {
        lock (_lock)
            return _byTicket.TryGetValue(ticketId, out var sessions) ? [.. sessions.Select(s => s.ToViewer())] : [];
    }

    private void Typing(Session session, CaseLogKind log)
    {
        var wasTyping = session.TypingIn == log;
        lock (_lock)
        {
            session.TypingIn = log;
            session.TypingTimer?.Dispose();
            session.TypingTimer = clock.CreateTimer(_ => StopTyping(session), null, TypingLasts, Timeout.InfiniteTimeSpan);
        }
        if (!wasTyping) NotifyOthers(session);
    }

    private void StopTyping(Session session)
    {
        lock (_lock) session.TypingIn = null;
        NotifyOthers(session);
    }

    private void Leave(Session session)
    {
        lock (_lock)
        {
            session.TypingTimer?.Dispose();
            if (_byTicket.TryGetValue(session.TicketId, out var sessions) && sessions.Remove(session) && sessions.Count == 0)
                _byTicket.Remove(session.TicketId);
        }
        NotifyOthers(session);
    }

    private void NotifyOthers(Session changed)
    {
        List<Session> others;
        lock (_lock)
            others = _byTicket.TryGetValue(changed.TicketId, out var sessions) ? [.. sessions.Where(s => s != changed)] : [];
        foreach (var other in others) _ = NotifyAsync(other);
    }

    private async Task NotifyAsync(Session session)
    {
        try
        {
            await session.OnChanged();
        }
        catch (Exception ex)
        {
            // A circuit that is going away must not stop the others from hearing of the change.
            logger.LogDebug(ex, "A presence subscriber for ticket {TicketId} failed", session.TicketId);
        }
    }

    private sealed class Session(Guid id, int ticketId, int? personId, string name, Func<Task> onChanged)
    {
        public Guid Id { get; } = id;
        public int TicketId { get; } = ticketId;
        public Func<Task> OnChanged { get; } = onChanged;
        public CaseLogKind? TypingIn { get; set; }
        public ITimer? TypingTimer { get; set; }

        public TicketViewer ToViewer() => new(Id, personId, name, TypingIn);
    }

    /// <summary>One circuit's place on a ticket; disposing it leaves.</summary>
    public sealed class PresenceHandle : IDisposable
    {
        private readonly TicketPresenceRegistry _registry;
        private readonly Session _session;
        private int _disposed;

        internal PresenceHandle(TicketPresenceRegistry registry, object session)
        {
            _registry = registry;
            _session = (Session)session;
        }

        public Guid SessionId => _session.Id;

        public void Typing(CaseLogKind log)
        {
            if (_disposed == 0) _registry.Typing(_session, log);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _registry.Leave(_session);
        }
    }
}
