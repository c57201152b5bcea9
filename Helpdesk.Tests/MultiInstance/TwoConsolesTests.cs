using System.Diagnostics;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport.MailStack;
using Helpdesk.Tests.TestSupport.MultiInstance;
using Xunit.Abstractions;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>
/// Two real console processes on one PostgreSQL database (<see cref="TwoConsoles"/>) fetching one IMAP mailbox on
/// the real Dovecot.
/// </summary>
[Trait("Category", "MultiInstance")]
[Trait("Category", "MailStack")]
public sealed class TwoConsolesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task InboundImap_HolderKilledMidway_OtherConsoleTakesTheMailboxAndEachMailBecomesOneTicket()
    {
        const int mails = 40;
        await using var consoles = await TwoConsoles.StartAsync();
        var (holder, other) = await consoles.HolderAsync();

        await SendAsync(consoles.Address, 0, mails / 2);
        await WaitForTicketsAsync(consoles, mails / 4);
        holder.Kill();
        var killedAt = Stopwatch.StartNew();
        await SendAsync(consoles.Address, mails / 2, mails);
        while (await other.MailboxStateAsync(TwoConsoles.Mailbox) != "Fetching" && killedAt.Elapsed < TwoConsoles.LeasePeriod * 4) await Task.Delay(50);
        var tookOverAfter = killedAt.Elapsed;
        var tickets = await WaitForTicketsAsync(consoles, mails);
        var allTicketsAfter = killedAt.Elapsed;

        var (distinctMails, duplicateTickets, duplicateStored) = await DuplicatesAsync(consoles);
        output.WriteLine($"take-over after {tookOverAfter.TotalSeconds:0.0} s (lease period {TwoConsoles.LeasePeriod.TotalSeconds} s); {tickets} tickets for {mails} mails " +
            $"{allTicketsAfter.TotalSeconds:0.0} s after the kill (claim lease {TwoConsoles.ClaimLease.TotalSeconds} s); {duplicateTickets} duplicate tickets, {duplicateStored} mails stored twice");
        output.WriteLine("received mails by status: " + await StatusesAsync(consoles));
        if (tickets < mails) output.WriteLine($"the console that took over wrote:\n{other.Tail}\nsessions: {await SessionsAsync(consoles)}");
        Assert.True(tookOverAfter < TwoConsoles.LeasePeriod + TimeSpan.FromSeconds(2), $"took over after {tookOverAfter}:\n{other.Tail}");
        Assert.Equal((mails, mails, 0, 0), (tickets, distinctMails, duplicateTickets, duplicateStored));
    }

    private static async Task SendAsync(string address, int from, int to)
    {
        for (var i = from; i < to; i++)
            await MailStackServer.SendAsync(InboundTestMail.Create(MailStackServer.NewAddress("customer.test"), address, $"Request {i}", $"Please help ({i})."));
    }

    private static async Task<long> WaitForTicketsAsync(TwoConsoles consoles, int count)
    {
        var clock = Stopwatch.StartNew();
        long tickets;
        while ((tickets = await consoles.ScalarAsync("""SELECT count(*) FROM "Ticket" """)) < count && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(200);
        return tickets;
    }

    private static async Task<(long DistinctMails, long DuplicateTickets, long DuplicateStored)> DuplicatesAsync(TwoConsoles consoles) =>
    (
        await consoles.ScalarAsync("""SELECT count(DISTINCT "MessageId") FROM "InboundMessage" """),
        await consoles.ScalarAsync("""SELECT count(*) - count(DISTINCT m."MessageId") FROM "Ticket" t JOIN "InboundMessage" m ON m."Id" = t."SourceInboundId" """),
        await consoles.ScalarAsync("""SELECT count(*) - count(DISTINCT "MessageId") FROM "InboundMessage" """)
    );

    private static async Task<string> StatusesAsync(TwoConsoles consoles) => string.Join("; ", await consoles.RowsAsync("""
        SELECT state || ': ' || n FROM (SELECT "Status" || ' ' || coalesce("Error", '') || ' claim ' || coalesce("ClaimExpiresAt"::text, '-') AS state,
            count(*) AS n FROM "InboundMessage" GROUP BY 1) AS s ORDER BY 1
        """, r => r.GetString(0)));

    private static async Task<string> SessionsAsync(TwoConsoles consoles) => string.Join("\n", await consoles.RowsAsync("""
        SELECT application_name || ' ' || coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ':' || coalesce(wait_event, '') || ' ' || left(query, 150)
        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
        """, r => r.GetString(0)));
}
