using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence;

public sealed record CorrespondenceTemplateView(CorrespondenceKind Kind, string Subject, string Body, bool IsDefault);

public sealed record CorrespondencePreview(string Subject, string HtmlBody, IReadOnlyList<OutboxRecipient> Recipients);

/// <summary>Edit the wording of each automatic message and preview who would receive it for a ticket, and why.</summary>
public sealed class CorrespondenceTemplateCommands(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    AlertRecipientResolver resolver,
    CorrespondenceSettings settings,
    IOptions<HelpdeskOptions> helpdesk)
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
            try { MailTemplate.Parse(text); }
            catch (TemplateSyntaxException ex) { errors[field] = ex.Message; }
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var template = await db.Set<MessageTemplate>().FirstOrDefaultAsync(t => t.Kind == kind, ct)
            ?? db.Add(new MessageTemplate { Kind = kind, Subject = subject, Body = body }).Entity;
        (template.Subject, template.Body) = (subject, body);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Back to the built-in wording.</summary>
    public async Task ResetAsync(CorrespondenceKind kind, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Set<MessageTemplate>().Where(t => t.Kind == kind).ExecuteDeleteAsync(ct);
    }

    public async Task<CorrespondencePreview> PreviewAsync(CorrespondenceKind kind, int ticketId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(ticketId)} does not exist.");
        var facts = await TicketFacts.LoadAsync(db, ticket, null, null, ct);
        var (subject, body) = await CorrespondenceTemplates.ForAsync(db, kind, ct);
        var url = helpdesk.Value.PublicUrl;
        IReadOnlyList<OutboxRecipient> recipients = kind.ToString().EndsWith("Alert")
            ? await resolver.ResolveAsync(db, kind, ticket, null, autoAssigned: false, skip: [], await settings.GetAsync(db, ct), ct)
            : [await db.Set<People.Person>().AsNoTracking().Where(p => p.Id == ticket.RequestedForId)
                .Select(p => new OutboxRecipient(p.PrimaryEmail, p.Name, "the requester (a new-message autoresponse goes to the message's sender)")).FirstAsync(ct)];
        return new CorrespondencePreview(MailTemplate.Parse(subject).Render(facts, url, html: false), MailTemplate.Parse(body).Render(facts, url, html: true), recipients);
    }
}
