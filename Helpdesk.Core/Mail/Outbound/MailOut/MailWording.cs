using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Mail.Outbound.MailOut;

public sealed record RenderedMail(string Subject, string HtmlBody, string TextBody);

/// <summary>A mail's subject and body templates and who reads it: rendered the same way for every kind of mail.</summary>
public sealed record MailWording(string SubjectTemplate, string BodyTemplate, MailAudience Audience)
{
    /// <exception cref="TemplateSyntaxException">A template does not parse.</exception>
    public RenderedMail Render(TicketFacts facts, string publicUrl)
    {
        var subject = MailTemplate.Parse(SubjectTemplate).RenderText(facts, publicUrl).ReplaceLineEndings(" ").Trim();
        if (facts.Value("id") is int ticketId) subject = TicketNumber.EnsureInSubject(subject, ticketId);
        var html = MailTemplate.Parse(BodyTemplate).RenderHtml(facts, publicUrl, Audience);
        return new RenderedMail(subject, html, HtmlTextExtractor.Convert(html));
    }
}
