using Helpdesk.Core.Common;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence;

/// <summary>An automatic message in its template's wording: asked for on a ticket event, or queued at once as a notice outside any ticket.</summary>
public sealed class CorrespondenceMail(IOptions<HelpdeskOptions> helpdesk, IOptions<InboundMailOptions> inbound, TimeProvider clock)
{
    /// <summary>
    /// One mail per recipient: alerts and autoresponses never reveal who else was told. The exception is a "reply all"
    /// to a ticket's participants, who already know each other: one mail, the owner in To and the others in Cc.
    /// </summary>
    public static async Task<MailIntent> IntentAsync(HelpdeskDbContext db, CorrespondenceKind kind, IReadOnlyList<OutboxRecipient> recipients, CancellationToken ct) => new()
    {
        Source = MailSource.BuiltIn(Kind(kind), $"the built-in \"{kind.Label()}\" {(CorrespondenceSwitches.IsAlert(kind) ? "alert" : "message")}"),
        Wording = await WordingAsync(db, kind, ct),
        Recipients = recipients,
        OneMailForAll = recipients.Any(r => r.Field == "Cc"),
    };

    /// <summary>A notice that belongs to no ticket (e.g. the open-ticket limit), added to the caller's context.</summary>
    public async Task QueueNoticeAsync(HelpdeskDbContext db, CorrespondenceKind kind, TicketFacts facts, OutboxRecipient recipient, CancellationToken ct,
        string? outboxKind = null, string? inReplyTo = null)
    {
        var mail = (await WordingAsync(db, kind, ct)).Render(facts, helpdesk.Value.PublicUrl);
        db.Add(OutboxMail.Create(outboxKind ?? Kind(kind), null, inbound.Value.AccountAddress, [recipient], mail.Subject, mail.TextBody, mail.HtmlBody,
            new Uri(helpdesk.Value.PublicUrl).Host, clock.GetUtcNow().UtcDateTime, inReplyTo));
    }

    public static async Task<MailWording> WordingAsync(HelpdeskDbContext db, CorrespondenceKind kind, CancellationToken ct)
    {
        var (subject, body) = await CorrespondenceTemplates.ForAsync(db, kind, ct);
        return new MailWording(subject, body, Audience(kind));
    }

    public static MailAudience Audience(CorrespondenceKind kind) =>
        CorrespondenceSwitches.IsAlert(kind) || CorrespondenceSwitches.IsSystemAlert(kind) ? MailAudience.Agents : MailAudience.Customers;

    public static string Kind(CorrespondenceKind kind) =>
        CorrespondenceSwitches.IsSystemAlert(kind) ? "system_alert" : kind.ToString().EndsWith("Alert") ? $"alert:{kind}" : $"autoresponse:{kind}";
}
