using System.Text;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.TestSupport.Builders;

/// <summary>Who asks for ticket data in the per-role authorization tests.</summary>
public enum Asker
{
    Agent,
    Supervisor,
    Administrator,
    LoginWithoutConsoleRole,
    CustomerRequester,
    CustomerStranger,
}

/// <summary>
/// One ticket with something of every kind an actor may or may not see: a public and a private entry, each with a file,
/// a remote image and a mail; a notification on no entry; a received mail; a contact; a history row; Ann's draft.
/// The console askers are Ann's login with different roles, so the draft is theirs.
/// </summary>
public sealed class TicketSeenByEveryRole
{
    private TicketSeenByEveryRole(Person ann, Person requester, Person stranger) => (Ann, Requester, Stranger) = (ann, requester, stranger);

    public Person Ann { get; }
    public Person Requester { get; }
    public Person Stranger { get; }
    public int TicketId { get; private set; }
    public long PublicEntryId { get; private set; }
    public long PrivateEntryId { get; private set; }
    public long PublicFileId { get; private set; }
    public long PrivateFileId { get; private set; }
    public long PublicEntryMailId { get; private set; }
    public long PrivateEntryMailId { get; private set; }
    public long NotificationMailId { get; private set; }
    public long ReceivedMailId { get; private set; }
    public long MailWithoutTicketId { get; private set; }
    public int ContactId { get; private set; }

    public static bool IsConsole(Asker asker) => asker is Asker.Agent or Asker.Supervisor or Asker.Administrator;

    public Actor As(Asker asker) => asker switch
    {
        Asker.Agent => Actor.Agent(Ann.Id, Ann.Name, [ConsoleRoles.Agent]),
        Asker.Supervisor => Actor.Agent(Ann.Id, Ann.Name, [ConsoleRoles.Supervisor]),
        Asker.Administrator => Actor.Agent(Ann.Id, Ann.Name, [ConsoleRoles.Administrator]),
        Asker.LoginWithoutConsoleRole => Actor.Agent(Ann.Id, Ann.Name, []),
        Asker.CustomerRequester => new Actor(Requester.Id, Requester.Name, ActorKind.Customer),
        _ => new Actor(Stranger.Id, Stranger.Name, ActorKind.Customer),
    };

    /// <param name="imageUrl">The remote image both entries show (a loopback server's, to fetch it for real).</param>
    public static async Task<TicketSeenByEveryRole> BuildAsync(CoreTestHost host, string imageUrl)
    {
        var built = new TicketSeenByEveryRole(
            await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent),
            await host.AddPersonAsync("Carl Caller", "carl@customer.test"),
            await host.AddPersonAsync("Eve Elsewhere", "eve@elsewhere.test"));
        built.TicketId = await host.Get<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = "Printer on fire", RequestedForId = built.Requester.Id }, Actor.System);
        (built.PublicEntryId, built.PublicFileId) = await AppendAsync(host, built, CaseLogKind.Public, imageUrl);
        (built.PrivateEntryId, built.PrivateFileId) = await AppendAsync(host, built, CaseLogKind.Private, imageUrl);
        await host.Get<SaveCaseLogDraftCommand>().ExecuteAsync(
            new CaseLogDraftContent(built.TicketId, CaseLogKind.Private, "Half a thought", Markdown: false, SendEmail: false, []), built.Ann.Id);

        var contact = await host.AddPersonAsync("Dora Deputy", "dora@customer.test");
        built.ContactId = contact.Id;
        await using var db = await host.DbAsync();
        db.Add(new TicketCollaborator { TicketId = built.TicketId, PersonId = contact.Id });
        db.Add(new TicketAuditEntry { TicketId = built.TicketId, At = host.Clock.GetUtcNow().UtcDateTime, ActorName = "Ann Agent", Field = "status", OldValue = "New", NewValue = "Assigned" });
        var publicMail = Mail(built.TicketId, built.PublicEntryId, "reply");
        var privateMail = Mail(built.TicketId, built.PrivateEntryId, "note");
        var notification = Mail(built.TicketId, null, "alert");
        var withoutTicket = Mail(null, null, "system");
        var received = new InboundMessage
        {
            Mailbox = "support", ServerId = "1", MessageId = "<in-1@customer.test>", RawSha256 = await StoreAsync(host, "From: carl@customer.test\r\n\r\nhi"),
            TicketId = built.TicketId, Status = InboundStatus.Processed,
        };
        db.AddRange(publicMail, privateMail, notification, withoutTicket, received);
        await db.SaveChangesAsync();
        (built.PublicEntryMailId, built.PrivateEntryMailId, built.NotificationMailId, built.MailWithoutTicketId, built.ReceivedMailId) =
            (publicMail.Id, privateMail.Id, notification.Id, withoutTicket.Id, received.Id);
        foreach (var mail in new[] { publicMail, privateMail, notification, withoutTicket })
            mail.RawSha256 = await StoreAsync(host, $"Subject: {mail.Kind}\r\n\r\nbody");
        await db.SaveChangesAsync();
        return built;
    }

    private static async Task<(long EntryId, long FileId)> AppendAsync(CoreTestHost host, TicketSeenByEveryRole built, CaseLogKind log, string imageUrl)
    {
        var file = await host.Get<BlobStore>().StageAsync($"{log}.txt", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes($"{log} file")), default);
        var entryId = await host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = built.TicketId, Log = log, Text = $"<p>{log} words</p><img src=\"{imageUrl}\">", Format = TextFormat.Html, Files = [file],
        }, CoreTestHost.AgentActor(built.Ann));
        await using var db = await host.DbAsync();
        return (entryId, await db.Set<Attachment>().Where(a => a.CaseLogEntryId == entryId).Select(a => a.Id).SingleAsync());
    }

    private static OutboxMessage Mail(int? ticketId, long? entryId, string kind) => new()
    {
        MessageId = $"<{kind}-{Guid.NewGuid():N}@helpdesk.test>", TicketId = ticketId, CaseLogEntryId = entryId, Kind = kind,
        From = "support@helpdesk.test", To = "someone@customer.test", Subject = kind, TextBody = kind, Status = OutboxStatus.Sent,
    };

    private static async Task<string> StoreAsync(CoreTestHost host, string mail) =>
        (await host.Get<BlobStore>().StageAsync("mail.eml", "message/rfc822", new MemoryStream(Encoding.ASCII.GetBytes(mail)), default)).Sha256;
}
