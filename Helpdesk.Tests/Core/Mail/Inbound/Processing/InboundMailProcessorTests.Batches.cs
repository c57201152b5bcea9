using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed partial class InboundMailProcessorTests
{
    [Fact]
    public async Task ProcessPendingAsync_ThirdOfFiveFailsDuringApply_OnlyItIsQuarantinedAndTheOtherFourCommitWithTheirOutcomes()
    {
        await using var host = await StartAsync("CreatePerson");
        await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await using (var db = await host.DbAsync())
            await new CrashTrigger("Ticket", "INSERT", "NEW.\"Subject\" = 'Mail 3'").CreateAsync(db);
        // The third comes from a new address: the person its policy creates must go with its failed ticket.
        var ids = await StoreAllAsync(host, [.. Enumerable.Range(1, 5).Select(n =>
            InboundTestMail.Create(n == 3 ? "newcomer@customer.test" : "alice@customer.test", "support@helpdesk.test", $"Mail {n}", $"Body {n}."))]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var check = await host.DbAsync();
        var rows = await check.Set<InboundMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([InboundStatus.Processed, InboundStatus.Processed, InboundStatus.Quarantined, InboundStatus.Processed, InboundStatus.Processed],
            rows.Select(r => r.Status));
        Assert.Contains("simulated crash", rows[2].Error);
        Assert.Null(rows[2].TicketId);
        var tickets = await check.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Subject }).ToListAsync();
        Assert.Equal(["Mail 1", "Mail 2", "Mail 4", "Mail 5"], tickets.Select(t => t.Subject));
        Assert.Equal(tickets.Select(t => (int?)t.Id), rows.Where(r => r.Status == InboundStatus.Processed).Select(r => r.TicketId));
        Assert.Equal(4, await check.Set<TicketChange>().CountAsync());
        Assert.False(await check.Set<Person>().AnyAsync(p => p.PrimaryEmail == "newcomer@customer.test"));
    }

    [Theory]
    [InlineData("Folder")]
    [InlineData("Database")]
    public async Task ProcessPendingAsync_ThreeMailsWithSmallAttachmentsInOneBatch_EachTicketHasItsFileFromTheBatchsOwnTransaction(string store)
    {
        // Small files are rows (either store; the Folder store's up to Blobs:TableUpToBytes) written within the batch's
        // transaction: on SQLite a write of their own would wait for the lock the batch holds after its first ticket, and
        // the second mail would fail ("database is locked").
        await using var host = await StartAsync("CreatePerson", blobs: store);
        var ids = await StoreAllAsync(host, [.. Enumerable.Range(1, 3).Select(n => InboundTestMail.Create("alice@customer.test", "support@helpdesk.test",
            $"Log {n}", $"Log {n} attached.", attachments: ($"log-{n}.txt", System.Text.Encoding.ASCII.GetBytes($"line of log {n}"))))]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([(InboundStatus.Processed, (string?)null), (InboundStatus.Processed, null), (InboundStatus.Processed, null)], rows.Select(r => (r.Status, r.Error)));
        var files = await db.Set<Helpdesk.Core.Attachments.Attachment>().AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.FileName, a.Sha256 }).ToListAsync();
        Assert.Equal(["log-1.txt", "log-2.txt", "log-3.txt"], files.Select(f => f.FileName));
        var blobs = host.Get<Helpdesk.Core.Attachments.BlobStore>();
        for (var n = 1; n <= 3; n++)
        {
            await using var content = blobs.OpenRead(files[n - 1].Sha256);
            Assert.Equal($"line of log {n}", await new StreamReader(content).ReadToEndAsync());
        }
    }

    [Fact]
    public async Task ProcessPendingAsync_ReplyAndSecondMailOfANewSenderInOneBatch_SeeTheTicketAndPersonTheMailBeforeMade()
    {
        await using var host = await StartAsync("CreatePerson");
        var first = InboundTestMail.Create("newcomer@customer.test", "support@helpdesk.test", "Printer", "Jams.", messageId: "first@customer.test");
        var reply = InboundTestMail.Create("newcomer@customer.test", "support@helpdesk.test", "Re: Printer", "Still jams.", inReplyTo: "first@customer.test");
        var another = InboundTestMail.Create("newcomer@customer.test", "support@helpdesk.test", "Scanner", "Broken.");
        var ids = await StoreAllAsync(host, [first, reply, another]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        Assert.All(rows, r => Assert.Equal(InboundStatus.Processed, r.Status));
        Assert.Equal(rows[0].TicketId, rows[1].TicketId);
        Assert.NotEqual(rows[0].TicketId, rows[2].TicketId);
        Assert.Equal(1, await db.Set<Person>().CountAsync(p => p.PrimaryEmail == "newcomer@customer.test"));
        Assert.Equal(2, await db.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task ProcessPendingAsync_BatchTimeShorterThanOneMail_EachMailCommitsInItsOwnTransactionAndOnlyTheFailingOneIsQuarantined()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
            ["Mail:Inbound:BatchTime"] = "00:00:00.0000001",
        });
        await using (var db = await host.DbAsync())
            await new CrashTrigger("Ticket", "INSERT", "NEW.\"Subject\" = 'Mail 2'").CreateAsync(db);
        var ids = await StoreAllAsync(host, [.. Enumerable.Range(1, 4).Select(n =>
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Mail {n}", $"Body {n}."))]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var check = await host.DbAsync();
        var rows = await check.Set<InboundMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([InboundStatus.Processed, InboundStatus.Quarantined, InboundStatus.Processed, InboundStatus.Processed], rows.Select(r => r.Status));
        Assert.Equal(["Mail 1", "Mail 3", "Mail 4"], await check.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).Select(t => t.Subject).ToListAsync());
        Assert.Equal(3, await check.Set<TicketChange>().CountAsync());
    }

    [PostgreSqlFact]
    public async Task ProcessPendingAsync_DatabaseOutOfConnections_MailStaysReceivedAndBecomesItsTicketOnceTheDatabaseRecovers()
    {
        await using var host = await StartAsync("CreatePerson");
        var ids = await StoreAllAsync(host, [InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer", "Jams.")]);
        await using (var db = await host.DbAsync())
        {
            // The real error PostgreSQL gives when its connection slots run out, raised where the ticket is written.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE FUNCTION out_of_connections() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'remaining connection slots are reserved' USING ERRCODE = '53300'; END $$");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER out_of_connections BEFORE INSERT ON \"Ticket\" FOR EACH ROW EXECUTE FUNCTION out_of_connections()");
        }

        var error = await Record.ExceptionAsync(() => host.Get<InboundMailProcessor>().ProcessPendingAsync(default));

        Assert.True(Helpdesk.Core.Persistence.TransientDatabaseError.Is(error), $"{error}");
        await using (var db = await host.DbAsync())
        {
            var row = await db.Set<InboundMessage>().AsNoTracking().SingleAsync(m => m.Id == ids[0]);
            Assert.Equal((InboundStatus.Received, null), (row.Status, row.Error));
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER out_of_connections ON \"Ticket\"");
        }
        host.Clock.Advance(host.Get<Microsoft.Extensions.Options.IOptions<InboundMailOptions>>().Value.ClaimLease + TimeSpan.FromSeconds(1));
        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var check = await host.DbAsync();
        var processed = await check.Set<InboundMessage>().AsNoTracking().SingleAsync(m => m.Id == ids[0]);
        Assert.Equal(InboundStatus.Processed, processed.Status);
        Assert.Equal("Printer", await check.Set<Ticket>().Where(t => t.Id == processed.TicketId).Select(t => t.Subject).SingleAsync());
    }

    private static async Task<List<long>> StoreAllAsync(CoreTestHost host, IReadOnlyList<MimeMessage> mails)
    {
        var ids = new List<long>();
        foreach (var mail in mails)
            ids.Add((await host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(), mail.Bytes(), default)).Id);
        return ids;
    }
}
