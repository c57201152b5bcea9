using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence;

public sealed record CorrespondenceTemplateView(CorrespondenceKind Kind, string Subject, string Body, bool IsDefault);

/// <param name="SwitchedOffBy">Set when a switch stops this message for the ticket: "global", "department X" or "help topic Y".</param>
/// <param name="CoveredByTriggers">Recipients that a trigger of the same event mails instead ("Also covered by trigger …").</param>
public sealed record CorrespondencePreview(string Subject, string HtmlBody, IReadOnlyList<OutboxRecipient> Recipients, string? SwitchedOffBy,
    IReadOnlyList<string> CoveredByTriggers);

/// <summary>Edit the wording of each automatic message and preview who would receive it for a ticket, and why.</summary>
public sealed class CorrespondenceTemplateCommands(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    CorrespondenceEngine engine,
    MailOutComposer composer,
    CorrespondenceSettings settings,
    SettingsChanges changes,
    IOptions<HelpdeskOptions> helpdesk,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<CorrespondenceTemplateView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var saved = await db.Set<MessageTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return [.. Enum.GetValues<CorrespondenceKind>().Select(k => saved.TryGetValue(k, out var t)
            ? new CorrespondenceTemplateView(k, t.Subject, t.Body, false)
            : new CorrespondenceTemplateView(k, CorrespondenceTemplates.Defaults[k].Subject, CorrespondenceTemplates.Defaults[k].Body, true))];
    }

    public async Task SaveAsync(CorrespondenceKind kind, string subject, string body, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (field, text) in new[] { ("subject", subject), ("body", body) })
        {
            if (string.IsNullOrWhiteSpace(text)) { errors[field] = "Required."; continue; }
            try
            {
                if (ScopeProblem(kind, MailTemplate.Parse(text).Scopes) is { } problem) errors[field] = problem;
            }
            catch (TemplateSyntaxException ex) { errors[field] = ex.Message; }
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var template = await db.Set<MessageTemplate>().FirstOrDefaultAsync(t => t.Kind == kind, ct)
            ?? db.Add(new MessageTemplate { Kind = kind, Subject = subject, Body = body }).Entity;
        (template.Subject, template.Body) = (subject, body);
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(SettingsChanges.Notifications, ct);
    }

    private static string? ScopeProblem(CorrespondenceKind kind, IReadOnlySet<string> scopes) => CorrespondenceSwitches.IsSystemAlert(kind)
        ? scopes.Any(s => s != "alert") ? "A system alert is about no ticket: use only $alert->…$ placeholders (" + AlertPlaceholders + ")." : null
        : scopes.Contains("alert") ? "$alert->…$ placeholders belong to system alerts; this message is about a ticket." : null;

    public static string AlertPlaceholders => string.Join(", ", SystemAlertFacts.Placeholders);

    /// <summary>Back to the built-in wording.</summary>
    public async Task ResetAsync(CorrespondenceKind kind, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Set<MessageTemplate>().Where(t => t.Kind == kind).ExecuteDeleteAsync(ct);
        await changes.SavedAsync(SettingsChanges.Notifications, ct);
    }

    /// <summary>A system alert with sample values: it is about no ticket.</summary>
    public async Task<CorrespondencePreview> PreviewSystemAlertAsync(CorrespondenceKind kind, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var switches = await settings.GetAsync(db, ct);
        var sample = new SystemAlertFacts("Connection refused (sample reason)", "Sample details, line 1\nSample details, line 2", "Support inbox (sample)", 2)
        {
            Time = clock.GetUtcNow().UtcDateTime, Interval = switches.SystemAlertInterval,
        };
        var mail = (await CorrespondenceMail.WordingAsync(db, kind, ct)).Render(SystemAlerts.Facts(sample), helpdesk.Value.PublicUrl);
        var switchedOff = kind switch
        {
            CorrespondenceKind.SystemDatabaseError when !switches.SqlErrorAlerts => "global",
            CorrespondenceKind.SystemExcessiveLogins when !switches.ExcessiveLoginAlerts => "global",
            _ => null,
        };
        return new CorrespondencePreview(mail.Subject, mail.HtmlBody, switchedOff is null ? [SystemAlerts.Recipient(switches)] : [], switchedOff, []);
    }

    public async Task<CorrespondencePreview> PreviewAsync(CorrespondenceKind kind, int ticketId, CancellationToken ct = default)
    {
        if (CorrespondenceSwitches.IsSystemAlert(kind)) return await PreviewSystemAlertAsync(kind, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(ticketId)} does not exist.");
        var senderNotice = kind is CorrespondenceKind.UnknownSenderNotice or CorrespondenceKind.InactiveSenderNotice;
        // A sender notice has no ticket; the ticket's requester stands in for the sender and its subject for the mail's.
        var facts = await TicketFacts.LoadAsync(db, ticket, senderNotice ? ticket.RequestedForId : null, null, ct);
        var (subject, body) = await CorrespondenceTemplates.ForAsync(db, kind, ct);
        var url = helpdesk.Value.PublicUrl;
        var requester = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == ticket.RequestedForId, ct);
        var switches = await settings.GetAsync(db, ct);
        var ticketEvent = senderNotice || kind == CorrespondenceKind.OverlimitNotice ? null : PreviewEvent(kind, ticket, requester);
        var to = senderNotice
            ? new CorrespondenceAddressees([new OutboxRecipient(requester.PrimaryEmail, requester.Name, "the sender of a mail that was not registered (this ticket's requester as an example); never automated mail")], null)
            : ticketEvent is null
            ? switches.OverlimitNotice
                ? new CorrespondenceAddressees([new OutboxRecipient(requester.PrimaryEmail, requester.Name, "the requester, when they reach the open-ticket limit")], null)
                : CorrespondenceAddressees.Off("global")
            : await engine.AddresseesAsync(db, kind, ticketEvent, switches, ct);
        return new CorrespondencePreview(MailTemplate.Parse(subject).RenderText(facts, url), MailTemplate.Parse(body).RenderHtml(facts, url, CorrespondenceMail.Audience(kind)),
            to.Recipients, to.SwitchedOffBy, ticketEvent is null ? [] : await CoveredByTriggersAsync(db, kind, ticketEvent, ct));
    }

    /// <summary>The recipients of this message that an administrator's trigger on the same event mails instead (see <see cref="RecipientPrecedence"/>).</summary>
    private async Task<IReadOnlyList<string>> CoveredByTriggersAsync(HelpdeskDbContext db, CorrespondenceKind kind, TicketEvent ticketEvent, CancellationToken ct)
    {
        var plan = await composer.PlanAsync(new MailOutEvent(db, ticketEvent), ct);
        var covered = plan.FirstOrDefault(p => p.Intent.Source.Kind == CorrespondenceMail.Kind(kind))?.Covered ?? [];
        return [.. covered.Select(c => $"{c.Recipient.Address}: also covered by {c.By.Name}; this address gets one mail, the trigger's.")];
    }

    /// <summary>
    /// The event that would send this message on this ticket. Messages come from the requester; an internal note, an
    /// assignment, a transfer and the overdue mark come from no particular agent, so nobody is left out as the actor.
    /// </summary>
    private static TicketEvent PreviewEvent(CorrespondenceKind kind, Ticket ticket, Person requester)
    {
        var customer = new Actor(requester.Id, requester.Name, ActorKind.Customer);
        return kind switch
        {
            CorrespondenceKind.NewTicketAutoresponse or CorrespondenceKind.NewTicketAlert => new TicketCreatedEvent(ticket,
                ticket.CreatedById is { } creator && creator != requester.Id ? new Actor(creator, "", ActorKind.Agent) : customer),
            CorrespondenceKind.NewMessageAutoresponse or CorrespondenceKind.NewMessageAlert => new CaseLogAppendedEvent(ticket, customer, Entry(ticket, requester, EntryOrigin.Customer, CaseLogKind.Public), false),
            // Sent by email, so that a trigger on the private log shows where it overlaps.
            CorrespondenceKind.InternalNoteAlert or CorrespondenceKind.MentionAlert => new CaseLogAppendedEvent(ticket, Actor.System, Entry(ticket, null, EntryOrigin.Console, CaseLogKind.Private), true),
            CorrespondenceKind.AssignmentAlert => new TicketFieldsChangedEvent(ticket, Actor.System,
                [new FieldChange(TicketFields.Member, null, ticket.MemberId), new FieldChange(TicketFields.Team, null, ticket.TeamId)]),
            CorrespondenceKind.DesiredCompletionNotice => new TicketFieldsChangedEvent(ticket, Actor.System,
                [new FieldChange(TicketFields.DesiredCompletion, null, ticket.DesiredCompletionAt)]),
            CorrespondenceKind.TransferAlert => new TicketFieldsChangedEvent(ticket, Actor.System, [new FieldChange(TicketFields.Department, null, ticket.DepartmentId)]),
            _ => new TicketOverdueEvent(ticket, Actor.System),
        };
    }

    private static CaseLogEntry Entry(Ticket ticket, Person? author, EntryOrigin origin, CaseLogKind log) =>
        new() { TicketId = ticket.Id, AuthorId = author?.Id, AuthorName = author?.Name ?? "", Text = "", Html = "", Origin = origin, Log = log };
}
