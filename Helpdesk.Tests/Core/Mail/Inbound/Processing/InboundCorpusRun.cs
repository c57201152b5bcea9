using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>
/// Every file of the fixture folder stored (in name order, as a mailbox would deliver them) and processed once, in one
/// helpdesk: follow-ups find the tickets of the mails before them.
/// </summary>
public sealed class InboundCorpusRun : IAsyncLifetime
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Core", "Mail", "Inbound", "Fixtures");

    public CoreTestHost Host { get; private set; } = default!;
    public Dictionary<string, long> RowOf { get; } = [];
    public int FileCount { get; private set; }

    /// <summary>The ticket made before the corpus, whose outgoing mails <c>dsn-postfix.eml</c> and <c>dsn-gmail-for-our-mail.eml</c> report as bounced.</summary>
    public int SeededTicketId { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        });
        await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await Host.AddPersonAsync("erin@customer.test", "erin@customer.test");
        var left = await Host.AddPersonAsync("Lee Left", "left@customer.test");
        SeededTicketId = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Seeded request", RequestedForId = left.Id }, Actor.System);
        await using (var db = await Host.DbAsync())
        {
            db.Add(new OutboxMessage
            {
                MessageId = "<corpus-outbox-1@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "left@customer.test",
                Subject = "[HD-1] Your request was received", TextBody = "x", Status = OutboxStatus.Sent, TicketId = SeededTicketId,
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            db.Add(new OutboxMessage
            {
                MessageId = "<corpus-outbox-2@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "moved.away@gmail.com",
                Subject = "[HD-1] Your request was updated", TextBody = "x", Status = OutboxStatus.Sent, TicketId = SeededTicketId,
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var store = Host.Get<InboundMailStore>();
        var files = Directory.GetFiles(Folder).Order(StringComparer.Ordinal).ToList();
        FileCount = files.Count;
        foreach (var file in files)
            RowOf[Path.GetFileName(file)] = (await store.StoreAsync("corpus", Path.GetFileName(file), await File.ReadAllBytesAsync(file), default)).Id;
        await Host.Get<InboundMailProcessor>().ProcessPendingAsync(default);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
