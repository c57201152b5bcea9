using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>On PostgreSQL a claimed batch is applied by several writers at once, related mails by the same one.</summary>
public sealed partial class InboundMailProcessorTests
{
    private static Task<CoreTestHost> StartOnPostgresAsync(int writers) => CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        ["Mail:Inbound:DefaultTeam"] = "Service Desk",
        ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        ["Mail:Inbound:ParallelWriters"] = writers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Long enough that a writer commits only when its next mail is not there yet.
        ["Mail:Inbound:BatchTime"] = "00:00:05",
    }, provider: DatabaseProvider.PostgreSQL);

    private static async Task<IReadOnlyList<InboundMessage>> RowsAsync(CoreTestHost host, IReadOnlyList<long> ids)
    {
        await using var db = await host.DbAsync();
        return await db.Set<InboundMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
    }

    // The transaction that wrote the ticket's row as it stands.
    private static async Task<string> WrittenByAsync(CoreTestHost host, int ticketId)
    {
        await using var db = await host.DbAsync();
        return await db.Database.SqlQuery<string>($"""SELECT xmin::text AS "Value" FROM "Ticket" WHERE "Id" = {ticketId}""").SingleAsync();
    }

    [Fact]
    public async Task ProcessPendingAsync_TwoWritersAndTwoSendersTakingTurns_BobsMailsGoOnWhileAlicesWait_EachInTheirOrderAndTransactions()
    {
        await using var host = await StartOnPostgresAsync(writers: 2);
        await using (var db = await host.DbAsync())
        {
            // When each ticket was inserted; Alice's first one then holds its writer for two seconds.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE ticket_inserted ("Subject" text, "At" timestamptz);
                CREATE FUNCTION record_ticket() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    INSERT INTO ticket_inserted VALUES (NEW."Subject", clock_timestamp());
                    IF NEW."Subject" = 'Question 0' THEN PERFORM pg_sleep(2); END IF;
                    RETURN NEW; END $$;
                CREATE TRIGGER record_ticket BEFORE INSERT ON "Ticket" FOR EACH ROW EXECUTE FUNCTION record_ticket();
                """);
        }
        var senders = new[] { "alice@customer.test", "bob@customer.test" };
        var ids = await StoreAllAsync(host, [.. Enumerable.Range(0, 8).Select(n =>
            InboundTestMail.Create(senders[n % 2], "support@helpdesk.test", $"Question {n}", $"Body {n}."))]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        var rows = await RowsAsync(host, ids);
        Assert.All(rows, r => Assert.Equal((InboundStatus.Processed, (string?)null), (r.Status, r.Error)));
        var ticketsOf = senders.Select(s => rows.Where(r => r.SenderAddress == s).Select(r => r.TicketId!.Value).ToList()).ToList();
        Assert.All(ticketsOf, tickets => Assert.Equal(tickets.Order(), tickets));
        var alicesTransactions = new HashSet<string>();
        foreach (var ticket in ticketsOf[0]) alicesTransactions.Add(await WrittenByAsync(host, ticket));
        foreach (var ticket in ticketsOf[1]) Assert.DoesNotContain(await WrittenByAsync(host, ticket), alicesTransactions);
        await using var check = await host.DbAsync();
        Assert.Equal(8, await check.Set<Ticket>().CountAsync());
        var inserted = await check.Database.SqlQuery<DateTime>($"""SELECT "At" AS "Value" FROM ticket_inserted WHERE "Subject" IN ('Question 0', 'Question 1') ORDER BY "Subject" """).ToListAsync();
        Assert.True(inserted[1] < inserted[0].AddSeconds(2), $"Bob's first ticket was inserted {(inserted[1] - inserted[0]).TotalSeconds:0.00} s after Alice's, which held its writer for 2 s");
    }

    [Fact]
    public async Task ProcessPendingAsync_TwoWritersAndAReplyFromSomeoneElseToAMailOfTheSameBatch_IsANoteOnThatMailsTicket()
    {
        await using var host = await StartOnPostgresAsync(writers: 2);
        // Known people: an unknown sender's mail is always a request of its own.
        foreach (var name in new[] { "alice", "bob", "carol", "dave" }) await host.AddPersonAsync(name, $"{name}@customer.test");
        var ids = await StoreAllAsync(host,
        [
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer on floor 2", "It jams.", messageId: "jam@customer.test"),
            InboundTestMail.Create("carol@customer.test", "support@helpdesk.test", "Scanner", "Broken."),
            InboundTestMail.Create("dave@customer.test", "support@helpdesk.test", "Monitor", "Flickers."),
            // Unrelated but for its In-Reply-To, it would go to the writer handed fewer mails: not Alice's.
            InboundTestMail.Create("bob@customer.test", "support@helpdesk.test", "Toner too", "Ours is empty as well.", inReplyTo: "jam@customer.test"),
        ]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        var rows = await RowsAsync(host, ids);
        Assert.All(rows, r => Assert.Equal(InboundStatus.Processed, r.Status));
        Assert.Equal(rows[0].TicketId, rows[3].TicketId);
        await using var db = await host.DbAsync();
        Assert.Equal(3, await db.Set<Ticket>().CountAsync());
        Assert.Contains("Ours is empty as well.", await db.Set<CaseLogEntry>().Where(e => e.TicketId == rows[0].TicketId).Select(e => e.Text).ToListAsync());
    }

    [Fact]
    public async Task ProcessPendingAsync_AWriterMeetsADeadlock_WhatItHadNotCommittedIsAppliedAfterTheOthersAndNothingIsLostOrDoubled()
    {
        await using var host = await StartOnPostgresAsync(writers: 2);
        await using (var db = await host.DbAsync())
        {
            // PostgreSQL ends one of two deadlocked transactions with 40P01; this trigger does so once, for one ticket.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE SEQUENCE deadlock_once;
                CREATE FUNCTION simulated_deadlock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    IF nextval('deadlock_once') = 1 THEN RAISE EXCEPTION 'simulated deadlock' USING ERRCODE = '40P01'; END IF;
                    RETURN NEW; END $$;
                CREATE TRIGGER simulated_deadlock BEFORE INSERT ON "Ticket" FOR EACH ROW WHEN (NEW."Subject" = 'Bob 2') EXECUTE FUNCTION simulated_deadlock();
                """);
        }
        var ids = await StoreAllAsync(host, [.. Enumerable.Range(1, 3).SelectMany(n => new[]
        {
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Alice {n}", $"Body {n}."),
            InboundTestMail.Create("bob@customer.test", "support@helpdesk.test", $"Bob {n}", $"Body {n}."),
        })]);

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        var rows = await RowsAsync(host, ids);
        Assert.All(rows, r => Assert.Equal((InboundStatus.Processed, (string?)null, 1), (r.Status, r.Error, r.Attempts)));
        await using var check = await host.DbAsync();
        var subjects = await check.Set<Ticket>().Select(t => t.Subject).ToListAsync();
        Assert.Equal(["Alice 1", "Alice 2", "Alice 3", "Bob 1", "Bob 2", "Bob 3"], subjects.Order());
        Assert.Equal(rows.Select(r => r.TicketId), rows.Select(r => r.TicketId).Distinct());
        Assert.True(await check.Database.SqlQuery<long>($"""SELECT last_value AS "Value" FROM deadlock_once""").SingleAsync() >= 2);
    }
}
