using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Outbound.MailOut;

/// <summary>
/// The one way mail about a ticket event reaches the outbox. Every <see cref="IMailIntentSource"/> (the triggers' email
/// actions, the built-in autoresponses and alerts) says what it wants sent; the composer gives each address one mail
/// (<see cref="RecipientPrecedence"/>: a trigger beats a built-in message), renders each against the ticket's facts
/// (loaded once), threads them all one way (<see cref="MailThread"/>) and adds the rows to the change's transaction.
/// A template that does not render becomes a Failed row with the reason, so the change itself (an agent's entry) is
/// still saved.
/// </summary>
public sealed class MailOutComposer(
    IEnumerable<IMailIntentSource> sources,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<InboundMailOptions> inbound,
    TimeProvider clock,
    ILogger<MailOutComposer> logger) : ITicketEventSink
{
    public async Task HandleAsync(HelpdeskDbContext db, TicketEvent ticketEvent, CancellationToken ct)
    {
        var e = new MailOutEvent(db, ticketEvent);
        var plan = await PlanAsync(e, ct);
        foreach (var unaddressed in plan.Where(p => p.Recipients.Count == 0 && p.Covered.Count == 0 && p.Intent.Problem is null))
            logger.LogInformation("{Source} found no recipient for {Ticket}", unaddressed.Intent.Source.Name, ticketEvent.Ticket.Number);
        var toWrite = plan.Where(p => p.Recipients.Count > 0 || p.Intent.Problem is not null).ToList();
        if (toWrite.Count == 0) return;

        var facts = await e.FactsAsync(ct);
        var host = new Uri(helpdesk.Value.PublicUrl).Host;
        var thread = e.IsNewTicket
            ? MailThread.OfNewTicket(db, ticketEvent.Ticket.Id, facts.Entries, host)
            : await MailThread.OfAsync(db, ticketEvent.Ticket.Id, facts.Entries, host, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var mail in toWrite)
            db.AddRange(Rows(mail, facts, ticketEvent.Ticket.Id, thread, host, now));
    }

    /// <summary>What the event would send, each address once, and which addresses each source leaves to another (used to send and to preview).</summary>
    public async Task<IReadOnlyList<PlannedMail>> PlanAsync(MailOutEvent e, CancellationToken ct)
    {
        var intents = new List<MailIntent>();
        foreach (var source in sources)
            intents.AddRange(await source.IntentsAsync(e, ct));
        return RecipientPrecedence.Apply(intents);
    }

    private IEnumerable<OutboxMessage> Rows(PlannedMail mail, TicketFacts facts, int ticketId, MailThread thread, string host, DateTime now)
    {
        var intent = mail.Intent;
        var (rendered, problem) = Render(intent, facts, ticketId);
        IEnumerable<IReadOnlyList<OutboxRecipient>> mails = intent.OneMailForAll ? [mail.Recipients] : mail.Recipients.Select(r => new[] { r });
        foreach (var to in mails)
        {
            var row = OutboxMail.Create(intent.Source.Kind, ticketId, intent.From ?? inbound.Value.AccountAddress, to,
                rendered.Subject, rendered.TextBody, rendered.HtmlBody, host, now, thread.InReplyTo);
            row.References = thread.References;
            row.CaseLogEntryId = intent.Entry?.Id;
            row.TriggerId = intent.Source.TriggerId;
            row.ActionId = intent.Source.ActionId;
            row.IsTest = intent.IsTest;
            row.ReplyTo = intent.ReplyTo;
            row.AutoSubmitted = intent.AutoSubmitted;
            row.Attachments = [.. (intent.Entry?.Attachments ?? []).Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Sha256 = a.Sha256, Size = a.Size })];
            if (problem is not null) (row.Status, row.LastError) = (OutboxStatus.Failed, problem);
            yield return row;
        }
    }

    private (RenderedMail Mail, string? Problem) Render(MailIntent intent, TicketFacts facts, int ticketId)
    {
        var unrendered = new RenderedMail(intent.Wording.SubjectTemplate, "", "");
        if (intent.Problem is not null) return (unrendered, intent.Problem);
        try
        {
            return (intent.Wording.Render(facts, helpdesk.Value.PublicUrl), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Rendering reads only the facts already loaded: whatever fails here is the template's, not the database's.
            logger.LogWarning(ex, "The template of {Source} did not render for ticket {Ticket}", intent.Source.Name, ticketId);
            return (unrendered, $"Not sent: the template of {intent.Source.Name} could not be rendered ({ex.Message}). Correct it; later mails use the corrected template.");
        }
    }
}
