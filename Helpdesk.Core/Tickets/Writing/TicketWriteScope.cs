using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;

namespace Helpdesk.Core.Tickets.Writing;

/// <summary>
/// What a change sees inside <see cref="TicketWrite"/>: the context and transaction it works in, who acts, and when. The
/// change tells what it did with <see cref="Changed"/>; a change that never calls it writes nothing.
/// </summary>
public sealed class TicketWriteScope(HelpdeskDbContext db, Actor actor, DateTime now)
{
    private readonly List<TicketEvent> _events = [];

    public HelpdeskDbContext Db { get; } = db;
    public Actor Actor { get; private set; } = actor;
    public DateTime Now { get; } = now;

    /// <summary>The ticket being changed: loaded before the change, or the one a new-ticket change returned.</summary>
    public Ticket Ticket { get; internal set; } = null!;

    internal TicketChangeKind? Kind { get; private set; }
    internal IReadOnlyList<TicketEvent> Events => _events;

    /// <summary>The acting sender had no person until this change created one (email policy): the change is theirs.</summary>
    internal void SenderBecameKnown(People.Person person)
    {
        if (Actor.PersonId is not null) throw new InvalidOperationException("The actor is already a known person.");
        Actor = Actor with { PersonId = person.Id, Name = person.Name };
    }

    /// <param name="raised">The event the sinks (notifications, correspondence) answer, in this transaction.</param>
    public void Changed(TicketChangeKind kind, TicketEvent? raised = null)
    {
        Kind = kind;
        if (raised is not null) _events.Add(raised);
    }
}
