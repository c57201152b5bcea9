using Helpdesk.Core.Common;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence;

/// <summary>Renders one automatic message from its template and adds it to the outbox of the current transaction.</summary>
public sealed class CorrespondenceMail(IOptions<HelpdeskOptions> helpdesk, IOptions<InboundMailOptions> inbound, TimeProvider clock)
{
    public async Task QueueAsync(HelpdeskDbContext db, CorrespondenceKind kind, TicketFacts facts, int? ticketId,
        IReadOnlyList<OutboxRecipient> recipients, CancellationToken ct)
    {
        if (recipients.Count == 0) return;
        var (subjectTemplate, bodyTemplate) = await CorrespondenceTemplates.ForAsync(db, kind, ct);
        var url = helpdesk.Value.PublicUrl;
        var subject = MailTemplate.Parse(subjectTemplate).RenderText(facts, url).ReplaceLineEndings(" ").Trim();
        if (ticketId is { } id) subject = Tickets.TicketNumber.EnsureInSubject(subject, id);
        var html = MailTemplate.Parse(bodyTemplate).RenderHtml(facts, url, Audience(kind));
        // One mail per recipient: alerts and autoresponses never reveal who else was told. The exception is a "reply
        // all" to a ticket's participants, who already know each other: one mail, the owner in To and the others in Cc.
        IEnumerable<IReadOnlyList<OutboxRecipient>> mails = recipients.Any(r => r.Field == "Cc") ? [recipients] : recipients.Select(r => new[] { r });
        foreach (var to in mails)
        {
            db.Add(OutboxMail.Create(Kind(kind), ticketId, inbound.Value.AccountAddress, to, subject,
                HtmlTextExtractor.Convert(html), html, new Uri(url).Host, clock.GetUtcNow().UtcDateTime));
        }
    }

    public static MailAudience Audience(CorrespondenceKind kind) => CorrespondenceSwitches.IsAlert(kind) ? MailAudience.Agents : MailAudience.Customers;

    public static string Kind(CorrespondenceKind kind) => kind.ToString().EndsWith("Alert") ? $"alert:{kind}" : $"autoresponse:{kind}";
}
