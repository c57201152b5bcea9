using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

/// <param name="Shown">The To and Cc the reply's recipient queries find, for the composer to show.</param>
/// <param name="GoesToTestRecipient">An action is in Test status: its mail goes to the test recipient instead.</param>
public sealed record ReplyRecipientsPrefill(EntryRecipients Shown, bool GoesToTestRecipient);

/// <summary>
/// Whom a public reply sent by email would reach: the To and Cc of the on-log-update email actions' recipient queries,
/// evaluated by <see cref="NotificationRenderer"/> as the send does (their Bcc is not shown). Null when no email reply is
/// available for the ticket, or to an actor who may not add to its public log. An action in Test status shows the
/// recipients it would have once Active.
/// </summary>
public sealed class ReplyRecipientsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<ReplyRecipientsPrefill?> ExecuteAsync(int ticketId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await TicketAccess.AllowsAsync(db, actor, ticketId, TicketOperation.AppendPublicEntry, ct)) return null;
        if (await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) is not { } ticket) return null;
        TicketFacts? facts = null;
        async Task<TicketFacts> Facts(CancellationToken c) => facts ??= await TicketFacts.LoadAsync(db, ticket, null, null, c);
        var triggers = await FiringTriggers.ForAsync(db, [TriggerKind.OnLogUpdate], FiringTriggers.LogAttribute(CaseLogKind.Public), Facts, ct);
        var actions = triggers.SelectMany(t => t.Actions).ToList();
        if (actions.Count == 0) return null;
        var found = new List<OutboxRecipient>();
        foreach (var action in actions)
            foreach (var recipient in await QueriedOrNoneAsync(db, action, await Facts(ct), ct))
                if (!found.Any(f => f.Address.Equals(recipient.Address, StringComparison.OrdinalIgnoreCase)))
                    found.Add(recipient);
        return new ReplyRecipientsPrefill(
            new EntryRecipients([.. found.Where(r => r.Field == "To").Select(r => r.Address)], [.. found.Where(r => r.Field == "Cc").Select(r => r.Address)]),
            actions.Any(a => a.Status == ActionStatus.Test));
    }

    // An action whose query does not parse sends nothing (the engine records why), so it shows nobody.
    private static async Task<IReadOnlyList<OutboxRecipient>> QueriedOrNoneAsync(HelpdeskDbContext db, EmailAction action, TicketFacts facts, CancellationToken ct)
    {
        try
        {
            return await NotificationRenderer.QueriedAsync(db, action, facts, ["To", "Cc"], ct);
        }
        catch (OqlSyntaxException)
        {
            return [];
        }
    }
}
