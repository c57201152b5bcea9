using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

public sealed record TriggerSummary(int Id, string Name, TriggerKind Kind, string? LogAttribute, string? Filter, IReadOnlyList<int> ActionIds);

public sealed record EmailActionSummary(int Id, string Name, ActionStatus Status, string? TestRecipient, string? From, string? ReplyTo,
    string? To, string? Cc, string? Bcc, string SubjectTemplate, string BodyTemplate);

public sealed record NotificationSetup(IReadOnlyList<TriggerSummary> Triggers, IReadOnlyList<EmailActionSummary> Actions);

public sealed class NotificationSetupQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<NotificationSetup> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var triggers = await db.Set<Trigger>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TriggerSummary(t.Id, t.Name, t.Kind, t.LogAttribute, t.Filter, t.Actions.Select(a => a.Id).ToList())).ToListAsync(ct);
        var actions = await db.Set<EmailAction>().AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new EmailActionSummary(a.Id, a.Name, a.Status, a.TestRecipient, a.From, a.ReplyTo, a.To, a.Cc, a.Bcc, a.SubjectTemplate, a.BodyTemplate))
            .ToListAsync(ct);
        return new NotificationSetup(triggers, actions);
    }
}

public sealed record EmailActionInTest(int Id, string Name, string? TestRecipient);

/// <summary>Email actions in Test status: their mails go to the test recipient only, which a new install must notice.</summary>
public sealed class EmailActionsInTestQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<EmailActionInTest>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<EmailAction>().AsNoTracking().Where(a => a.Status == ActionStatus.Test).OrderBy(a => a.Id)
            .Select(a => new EmailActionInTest(a.Id, a.Name, a.TestRecipient)).ToListAsync(ct);
    }
}

/// <param name="WhenActive">The mail as it goes out once the action is Active: subject, body, recipients and why.</param>
/// <param name="StatusNote">What the action's current status does instead, when it is not Active.</param>
public sealed record NotificationPreview(RenderedNotification WhenActive, ActionStatus Status, string? StatusNote)
{
    /// <summary>How this mail and the built-in ones share an address (<see cref="Mail.Outbound.MailOut.RecipientPrecedence"/>).</summary>
    public const string PrecedenceNote = "Where a built-in autoresponse or alert of the same event would reach one of these addresses, "
        + "that address gets this mail only: a trigger is the administrator's explicit choice.";
}

/// <summary>What an email action would send for a ticket, and to whom and why — without writing anything.</summary>
public sealed class NotificationPreviewQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, NotificationRenderer renderer)
{
    public async Task<NotificationPreview> ExecuteAsync(int actionId, int ticketId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var action = await db.Set<EmailAction>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId, ct)
            ?? throw new NotFoundException("That email action no longer exists.");
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(ticketId)} does not exist.");
        var facts = await TicketFacts.LoadAsync(db, ticket, null, null, ct);
        var status = action.Status;
        var note = status switch
        {
            ActionStatus.Test => $"Status Test: only the test recipient {action.TestRecipient} receives this mail now; once Active, these recipients would.",
            ActionStatus.Inactive => "Status Inactive: nobody receives this mail now; once Active, these recipients would.",
            _ => null,
        };
        // Rendered as once activated (the entity is untracked: nothing is saved), so the admin sees who would get it.
        action.Status = ActionStatus.Active;
        return new NotificationPreview(await renderer.RenderAsync(db, action, facts, ct), status, note);
    }
}
