using Helpdesk.Core.Accounts;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Security;

/// <summary>
/// The one authorization point for ticket data: actor × ticket × operation. Pages, endpoints, queries and the write
/// path all ask here, so a rule changes in one place. Console agents work every ticket (a small team shares the queue);
/// the original mail is for administrators; a customer sees and answers only their own tickets' public conversation.
/// </summary>
public static class TicketAccess
{
    public static async Task<bool> AllowsAsync(HelpdeskDbContext db, Actor actor, int ticketId, TicketOperation operation, CancellationToken ct) =>
        actor.AuthorizedBy is { } authority ? await AllowsAsync(db, authority, ticketId, operation, ct) : actor.Kind switch
        {
            ActorKind.System => true,
            ActorKind.Agent => AllowsAgent(actor, operation),
            ActorKind.Customer => CustomerMay(operation) && actor.PersonId is { } person && await IsPartyAsync(db, ticketId, person, ct),
            _ => false,
        };

    /// <summary>Throws <see cref="AccessDeniedException"/> with a sentence naming the ticket when the actor may not.</summary>
    public static async Task DemandAsync(HelpdeskDbContext db, Actor actor, int ticketId, TicketOperation operation, CancellationToken ct)
    {
        if (!await AllowsAsync(db, actor, ticketId, operation, ct))
            throw new AccessDeniedException($"You may not {Describe(operation, TicketNumber.Format(ticketId))}.");
    }

    /// <summary>Opening a ticket: agents with a console role, the system, and customers (their own request, e.g. by mail).</summary>
    public static void DemandOpen(Actor actor)
    {
        var allowed = actor.AuthorizedBy is { } authority ? AllowsOpen(authority) : AllowsOpen(actor);
        if (!allowed) throw new AccessDeniedException("You may not open tickets.");
    }

    private static bool AllowsOpen(Actor actor) => actor.Kind == ActorKind.Customer || AllowsAgent(actor, TicketOperation.Open);

    /// <summary>For decisions that need no ticket (lists, search): what an agent may do on any ticket.</summary>
    public static bool AllowsAgent(Actor actor, TicketOperation operation) =>
        actor.Kind == ActorKind.System
        || actor.Kind == ActorKind.Agent && operation switch
        {
            TicketOperation.ViewRawMail => actor.IsInRole(ConsoleRoles.Administrator),
            _ => ConsoleRoles.All.Any(actor.IsInRole),
        };

    /// <summary>
    /// Everything about the actor that a ticket list's rows depend on: two actors with the same scope see the same list for
    /// the same request, so a list result may be shared between them (and never between different scopes).
    /// </summary>
    public static TicketListScope ListScopeOf(Actor actor) =>
        AllowsAgent(actor, TicketOperation.View) ? TicketListScope.AllTickets : TicketListScope.NoTickets;

    /// <summary>What it takes to see an entry of <paramref name="log"/>, its attachments, images and delivery.</summary>
    public static TicketOperation ToSee(CaseLogKind log) => log == CaseLogKind.Private ? TicketOperation.ViewPrivateLog : TicketOperation.View;

    private static bool CustomerMay(TicketOperation operation) => operation is TicketOperation.View or TicketOperation.AppendPublicEntry;

    private static async Task<bool> IsPartyAsync(HelpdeskDbContext db, int ticketId, int personId, CancellationToken ct) =>
        await db.Set<Ticket>().AnyAsync(t => t.Id == ticketId && t.RequestedForId == personId, ct)
        || await db.Set<TicketCollaborator>().AnyAsync(c => c.TicketId == ticketId && c.PersonId == personId, ct);

    private static string Describe(TicketOperation operation, string ticket) => operation switch
    {
        TicketOperation.View => $"see ticket {ticket}",
        TicketOperation.ViewPrivateLog => $"see the private log of ticket {ticket}",
        TicketOperation.ViewHistory => $"see the history of ticket {ticket}",
        TicketOperation.ViewRawMail => $"open the original mail of ticket {ticket}",
        TicketOperation.Open => "open tickets",
        TicketOperation.ChangeFields => $"change ticket {ticket}",
        TicketOperation.AppendPublicEntry => $"add to the public log of ticket {ticket}",
        TicketOperation.AppendPrivateEntry => $"add to the private log of ticket {ticket}",
        TicketOperation.ManageContacts => $"change the contacts of ticket {ticket}",
        _ => $"do this on ticket {ticket}",
    };
}
