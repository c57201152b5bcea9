using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Helpdesk.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// The help topic of a mailed request (osTicket): the default topic of the team address it was sent to, else of the
/// mailbox it was fetched from. Set at creation, so the topic's switches (no autoresponses, department) apply at once.
/// </summary>
internal static class MailHelpTopic
{
    public static async Task<int?> FindAsync(HelpdeskDbContext db, InboundContext mail, RequestNotes notes, CancellationToken ct)
    {
        var fromTeam = mail.Route.TeamId is { } team
            ? await db.Set<Team>().AsNoTracking().Where(t => t.Id == team).Select(t => t.DefaultHelpTopicId).FirstOrDefaultAsync(ct)
            : null;
        var fromMailbox = fromTeam is null && mail.Mailbox is { } name
            ? await BatchSettings.ReadAsync($"{SettingsChanges.Mailboxes}:{name}:help-topic",
                () => db.Set<Mailbox>().AsNoTracking().Where(m => m.Name == name).Select(m => m.DefaultHelpTopicId).FirstOrDefaultAsync(ct))
            : null;
        if ((fromTeam ?? fromMailbox) is not { } id) return null;
        var topic = await db.Set<HelpTopic>().AsNoTracking().Where(h => h.Id == id).Select(h => h.Name).FirstAsync(ct);
        notes.Add(fromTeam is not null
            ? $"Help topic {topic}: the default of team {mail.Route.TeamName}'s address."
            : $"Help topic {topic}: the default of mailbox {mail.Mailbox}.");
        return id;
    }
}
