using System.Diagnostics;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using Helpdesk.Tests.TestSupport.MultiInstance;
using Npgsql;
using Xunit.Abstractions;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>
/// Two real console processes on one PostgreSQL database (blobs in it, data folders of their own) fetching one IMAP
/// mailbox on the real Dovecot.
/// </summary>
[Trait("Category", "MultiInstance")]
[Trait("Category", "MailStack")]
public sealed class TwoConsolesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Received mails the killed console had claimed wait this long before the other may process them.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    private static Dictionary<string, string> Settings(TestDatabase database, string instance, string address) => new()
    {
        ["Helpdesk__InstanceName"] = instance,
        ["Database__Provider"] = nameof(DatabaseProvider.PostgreSQL),
        ["ConnectionStrings__Helpdesk"] = database.ConnectionString!,
        ["Leases__Period"] = Period.ToString(),
        // Raw mail one console fetched is processed by the other after the kill.
        ["Blobs__Store"] = "Database",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Helpdesk"] = "Information",
        ["Mail__Inbound__AccountAddress"] = address,
        ["Mail__Inbound__PollInterval"] = "00:00:01",
        ["Mail__Inbound__ClaimLease"] = ClaimLease.ToString(),
        ["Mail__Inbound__Mailboxes__0__Name"] = "Support",
        ["Mail__Inbound__Mailboxes__0__Kind"] = "Imap",
        ["Mail__Inbound__Mailboxes__0__Host"] = MailStackServer.Host,
        ["Mail__Inbound__Mailboxes__0__Port"] = MailStackServer.ImapPort.ToString(),
        ["Mail__Inbound__Mailboxes__0__Security"] = "None",
        ["Mail__Inbound__Mailboxes__0__UserName"] = address,
        ["Mail__Inbound__Mailboxes__0__Password"] = MailStackServer.Password,
    };

    [Fact]
    public async Task InboundImap_HolderKilledMidway_OtherConsoleTakesTheMailboxAndEachMailBecomesOneTicket()
    {
        const int mails = 40;
        await using var database = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        var address = MailStackServer.NewAddress();
        var folders = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "helpdesk-multi", Guid.NewGuid().ToString("N"))).FullName;
        using var _ = new DeleteFolderAfterwards(folders);
        // One after the other: the first start migrates the empty database.
        await using var a = ConsoleProcess.Start(Path.Combine(folders, "a"), Settings(database, "console-a", address));
        await a.WaitUntilHealthyAsync(StartTimeout);
        await using var b = ConsoleProcess.Start(Path.Combine(folders, "b"), Settings(database, "console-b", address));
        await b.WaitUntilHealthyAsync(StartTimeout);
        var (holder, other) = await HolderAsync(a, b);

        await SendAsync(address, 0, mails / 2);
        await WaitForTicketsAsync(database, mails / 4);
        holder.Kill();
        var killedAt = Stopwatch.StartNew();
        await SendAsync(address, mails / 2, mails);
        while (await other.MailboxStateAsync("Support") != "Fetching" && killedAt.Elapsed < Period * 4) await Task.Delay(50);
        var tookOverAfter = killedAt.Elapsed;
        var tickets = await WaitForTicketsAsync(database, mails);
        var allTicketsAfter = killedAt.Elapsed;

        var (distinctMails, duplicateTickets, duplicateStored) = await DuplicatesAsync(database);
        output.WriteLine($"take-over after {tookOverAfter.TotalSeconds:0.0} s (lease period {Period.TotalSeconds} s); {tickets} tickets for {mails} mails " +
            $"{allTicketsAfter.TotalSeconds:0.0} s after the kill (claim lease {ClaimLease.TotalSeconds} s); {duplicateTickets} duplicate tickets, {duplicateStored} mails stored twice");
        output.WriteLine("received mails by status: " + await StatusesAsync(database));
        if (tickets < mails) output.WriteLine($"the console that took over wrote:\n{other.Tail}\nsessions: {await SessionsAsync(database)}");
        Assert.True(tookOverAfter < Period + TimeSpan.FromSeconds(2), $"took over after {tookOverAfter}:\n{other.Tail}");
        Assert.Equal((mails, mails, 0, 0), (tickets, distinctMails, duplicateTickets, duplicateStored));
    }

    private sealed class DeleteFolderAfterwards(string path) : IDisposable
    {
        public void Dispose()
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(ConsoleProcess Holder, ConsoleProcess Other)> HolderAsync(ConsoleProcess a, ConsoleProcess b)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await a.MailboxStateAsync("Support") == "Fetching" && await b.MailboxStateAsync("Support") == "Standby") return (a, b);
            if (await b.MailboxStateAsync("Support") == "Fetching" && await a.MailboxStateAsync("Support") == "Standby") return (b, a);
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No console fetched Support while the other stood by.\nA:\n{a.Tail}\nB:\n{b.Tail}");
    }

    private static async Task SendAsync(string address, int from, int to)
    {
        for (var i = from; i < to; i++)
            await MailStackServer.SendAsync(InboundTestMail.Create($"sender{i}@customer.test", address, $"Request {i}", $"Please help ({i})."));
    }

    private static async Task<long> WaitForTicketsAsync(TestDatabase database, int count)
    {
        var clock = Stopwatch.StartNew();
        long tickets;
        while ((tickets = await ScalarAsync(database, """SELECT count(*) FROM "Ticket" """)) < count && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(200);
        return tickets;
    }

    private static async Task<(long DistinctMails, long DuplicateTickets, long DuplicateStored)> DuplicatesAsync(TestDatabase database) =>
    (
        await ScalarAsync(database, """SELECT count(DISTINCT "MessageId") FROM "InboundMessage" """),
        await ScalarAsync(database, """SELECT count(*) - count(DISTINCT m."MessageId") FROM "Ticket" t JOIN "InboundMessage" m ON m."Id" = t."SourceInboundId" """),
        await ScalarAsync(database, """SELECT count(*) - count(DISTINCT "MessageId") FROM "InboundMessage" """)
    );

    private static async Task<string> StatusesAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT state || ': ' || n FROM (SELECT "Status" || ' ' || coalesce("Error", '') || ' claim ' || coalesce("ClaimExpiresAt"::text, '-') AS state,
                count(*) AS n FROM "InboundMessage" GROUP BY 1) AS s ORDER BY 1
            """, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private static async Task<string> SessionsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(application_name || ' ' || coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ':' || coalesce(wait_event, '') || ' ' || left(query, 150), E'\n')
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """, connection);
        return (await command.ExecuteScalarAsync()) as string ?? "";
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
