using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets.Presence;

namespace Helpdesk.Blazor.Features.Tickets.Presence;

/// <summary>
/// Who has which ticket open, across all circuits of this console process, and who is typing where. It lives in
/// memory: presence is about this moment, and a restart closes every circuit anyway. On PostgreSQL the process also
/// writes its open pages to <see cref="SharedTicketPresence"/> and lists the other instances' pages from there, so
/// agents on different instances see each other.
/// </summary>
public sealed class TicketPresenceRegistry : IDisposable
{
    /// <summary>How long one typing ping counts: the composer pings at most every couple of seconds while keys are pressed.</summary>
    public static readonly TimeSpan TypingLasts = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _clock;
    private readonly ILogger<TicketPresenceRegistry> _logger;
    private readonly SharedTicketPresence? _shared;
    private readonly ITimer? _renewal;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, List<Session>> _byTicket = [];
    private readonly Dictionary<int, IReadOnlyList<TicketViewer>> _elsewhere = [];
    private readonly Dictionary<int, long> _elsewhereRead = [];
    private long _reads;

    /// <param name="shared">Given on PostgreSQL only (see <c>AddSharedState</c>).</param>
    public TicketPresenceRegistry(TimeProvider clock, ILogger<TicketPresenceRegistry> logger, SharedTicketPresence? shared = null)
    {
        _clock = clock;
        _logger = logger;
        _shared = shared;
        if (shared is null) return;
        shared.Changed += OnChangedElsewhere;
        shared.MayHaveMissedChanges += OnMayHaveMissedChanges;
        _renewal = clock.CreateTimer(_ => _ = RenewAsync(), null, SharedTicketPresence.Renewal, SharedTicketPresence.Renewal);
    }

    public PresenceHandle Join(int ticketId, int? personId, string name, Func<Task> onChanged)
    {
        var session = new Session(Guid.NewGuid(), ticketId, personId, name, onChanged);
        lock (_lock)
        {
            if (!_byTicket.TryGetValue(ticketId, out var sessions)) _byTicket[ticketId] = sessions = [];
            sessions.Add(session);
        }
        NotifyOthers(session);
        Share(session, (shared, ct) => shared.JoinAsync(session.Id, ticketId, personId, name, null, ct));
        if (_shared is not null) _ = LookElsewhereAsync(ticketId);
        return new PresenceHandle(this, session);
    }

    public IReadOnlyList<TicketViewer> Viewers(int ticketId)
    {
        lock (_lock)
        {
            IReadOnlyList<TicketViewer> here = _byTicket.TryGetValue(ticketId, out var sessions) ? [.. sessions.Select(s => s.ToViewer())] : [];
            return _elsewhere.TryGetValue(ticketId, out var elsewhere) ? [.. here, .. elsewhere] : here;
        }
    }

    private void Typing(Session session, CaseLogKind log)
    {
        var wasTyping = session.TypingIn == log;
        lock (_lock)
        {
            session.TypingIn = log;
            session.TypingTimer?.Dispose();
            session.TypingTimer = _clock.CreateTimer(_ => StopTyping(session), null, TypingLasts, Timeout.InfiniteTimeSpan);
        }
        if (wasTyping) return;
        NotifyOthers(session);
        Share(session, (shared, ct) => shared.TypingAsync(session.Id, session.TicketId, log, ct));
    }

    private void StopTyping(Session session)
    {
        lock (_lock) session.TypingIn = null;
        NotifyOthers(session);
        Share(session, (shared, ct) => shared.TypingAsync(session.Id, session.TicketId, null, ct));
    }

    private void Leave(Session session)
    {
        lock (_lock)
        {
            session.Left = true;
            session.TypingTimer?.Dispose();
            if (_byTicket.TryGetValue(session.TicketId, out var sessions) && sessions.Remove(session) && sessions.Count == 0)
            {
                _byTicket.Remove(session.TicketId);
                _elsewhere.Remove(session.TicketId);
                _elsewhereRead.Remove(session.TicketId);
            }
        }
        NotifyOthers(session);
        Share(session, (shared, ct) => shared.LeaveAsync(session.Id, session.TicketId, ct));
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
            _logger.LogDebug(ex, "A presence subscriber for ticket {TicketId} failed", session.TicketId);
        }
    }

    /// <summary>Writes one session's change for the other instances, after its earlier ones (a leave never overtakes its join).</summary>
    private void Share(Session session, Func<SharedTicketPresence, CancellationToken, Task> write)
    {
        if (_shared is not { } shared) return;
        lock (session) session.Writes = session.Writes.ContinueWith(async _ =>
        {
            try
            {
                await write(shared, CancellationToken.None);
            }
            catch (Exception ex)
            {
                _logger.LogWarning("Presence on ticket {TicketId} could not be shared with the other instances: {Error}", session.TicketId, ex.Message);
            }
        }, TaskScheduler.Default).Unwrap();
    }

    private void OnChangedElsewhere(int ticketId)
    {
        bool watched;
        lock (_lock) watched = _byTicket.ContainsKey(ticketId);
        if (watched) _ = LookElsewhereAsync(ticketId);
    }

    private void OnMayHaveMissedChanges()
    {
        List<int> watched;
        lock (_lock) watched = [.. _byTicket.Keys];
        foreach (var ticketId in watched) _ = LookElsewhereAsync(ticketId);
    }

    /// <summary>
    /// Reads who has <paramref name="ticketId"/> open on other instances and tells this instance's viewers when that
    /// changed. Reads overlap (a join's, a notification's, the renewal's): one that started earlier sees less, so its
    /// answer is dropped once a later one's is in.
    /// </summary>
    private async Task LookElsewhereAsync(int ticketId)
    {
        var read = Interlocked.Increment(ref _reads);
        try
        {
            var entries = await _shared!.OnTicketAsync(ticketId, CancellationToken.None);
            List<Session> here;
            lock (_lock)
            {
                if (!_byTicket.TryGetValue(ticketId, out var sessions)) return;
                if (_elsewhereRead.TryGetValue(ticketId, out var newer) && newer > read) return;
                _elsewhereRead[ticketId] = read;
                var local = sessions.Select(s => s.Id).ToHashSet();
                IReadOnlyList<TicketViewer> elsewhere = [.. entries.Where(e => !local.Contains(e.SessionId)).Select(e => new TicketViewer(e.SessionId, e.PersonId, e.Name, e.TypingIn))];
                if (_elsewhere.TryGetValue(ticketId, out var before) && before.SequenceEqual(elsewhere)) return;
                _elsewhere[ticketId] = elsewhere;
                here = [.. sessions];
            }
            foreach (var session in here) _ = NotifyAsync(session);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Could not read who has ticket {TicketId} open on other instances: {Error}", ticketId, ex.Message);
        }
    }

    private async Task RenewAsync()
    {
        List<Session> sessions;
        List<int> tickets;
        lock (_lock)
        {
            sessions = [.. _byTicket.Values.SelectMany(s => s)];
            tickets = [.. _byTicket.Keys];
        }
        try
        {
            var missing = (await _shared!.RenewAsync([.. sessions.Select(s => s.Id)], CancellationToken.None)).ToHashSet();
            foreach (var session in sessions.Where(s => missing.Contains(s.Id)))
                // After the session's earlier writes; one that has left since stays gone.
                Share(session, (shared, ct) => session.Left ? Task.CompletedTask : shared.JoinAsync(session.Id, session.TicketId, session.PersonId, session.Name, session.TypingIn, ct));
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Could not renew this instance's ticket presence: {Error}", ex.Message);
        }
        // A dead instance sends nothing: its viewers drop out when their rows expire, seen here.
        foreach (var ticketId in tickets) await LookElsewhereAsync(ticketId);
    }

    public void Dispose()
    {
        _renewal?.Dispose();
        if (_shared is not null)
        {
            _shared.Changed -= OnChangedElsewhere;
            _shared.MayHaveMissedChanges -= OnMayHaveMissedChanges;
        }
    }

    private sealed class Session(Guid id, int ticketId, int? personId, string name, Func<Task> onChanged)
    {
        public Guid Id { get; } = id;
        public int TicketId { get; } = ticketId;
        public int? PersonId { get; } = personId;
        public string Name { get; } = name;
        public Func<Task> OnChanged { get; } = onChanged;
        public CaseLogKind? TypingIn { get; set; }
        public ITimer? TypingTimer { get; set; }
        public Task Writes { get; set; } = Task.CompletedTask;
        public bool Left { get; set; }

        public TicketViewer ToViewer() => new(Id, PersonId, Name, TypingIn);
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
