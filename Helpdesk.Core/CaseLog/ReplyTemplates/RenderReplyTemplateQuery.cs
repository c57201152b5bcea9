using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.CaseLog.ReplyTemplates;

/// <summary>A reply template's text for one ticket, rendered by the mail templates' renderer; the agent inserting it is the current contact.</summary>
public sealed class RenderReplyTemplateQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, IOptions<HelpdeskOptions> helpdesk)
{
    public async Task<string> ExecuteAsync(int templateId, int ticketId, int? agentId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var body = await db.Set<ReplyTemplate>().AsNoTracking().Where(t => t.Id == templateId).Select(t => t.Body).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("That reply template was deleted; choose another.");
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(ticketId)} does not exist (it may have been deleted).");
        var facts = await TicketFacts.LoadAsync(db, ticket, agentId, null, ct);
        return MailTemplate.Parse(body).RenderText(facts, helpdesk.Value.PublicUrl);
    }
}
