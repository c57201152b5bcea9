using System.Diagnostics;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport.MailStack;
using Npgsql;

namespace Helpdesk.Tests.TestSupport.MultiInstance;

/// <summary>
/// Two real console processes (console-a, console-b) on one fresh PostgreSQL database (blobs in it, data folders of
/// their own), fetching one IMAP mailbox on the real Dovecot and sending through the real Postfix (each over a
/// <see cref="SlowLink"/> of its own, so a console can be killed while its mails are in flight), with a known
/// administrator login (Admin:Email / Admin:Password, as an operator sets them).
/// </summary>
public sealed class TwoConsoles : IAsyncDisposable
{
    public static readonly TimeSpan LeasePeriod = TimeSpan.FromSeconds(3);

    /// <summary>Mail a killed console had claimed (received or outbox) waits this long before the other takes it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    public const string Mailbox = "Support";
    public const string AdminPassword = "Two-Consoles-2026";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folders;
    private readonly Dictionary<string, SlowLink> _smtpLinks = [];
    private readonly Dictionary<string, ConsoleProcess> _consoles = [];

    private TwoConsoles(TestDatabase database, string folders, string address, string adminEmail)
    {
        Database = database;
        _folders = folders;
        Address = address;
        AdminEmail = adminEmail;
    }

    public TestDatabase Database { get; }

    /// <summary>The helpdesk's own address: its IMAP mailbox and the From of its mail.</summary>
    public string Address { get; }

    public string AdminEmail { get; }

    public ConsoleProcess A => _consoles["console-a"];
    public ConsoleProcess B => _consoles["console-b"];

    public static async Task<TwoConsoles> StartAsync()
    {
        var database = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        var folders = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "helpdesk-multi", Guid.NewGuid().ToString("N"))).FullName;
        var pair = new TwoConsoles(database, folders, MailStackServer.NewAddress(), MailStackServer.NewAddress());
        // One after the other: the first start migrates the empty database and creates the administrator.
        await pair.StartAsync("console-a");
        await pair.StartAsync("console-b");
        return pair;
    }

    /// <summary>Starts (or starts again, after a kill) the named console and waits for its /health.</summary>
    public async Task<ConsoleProcess> StartAsync(string instance)
    {
        if (_consoles.TryGetValue(instance, out var old)) await old.DisposeAsync();
        var console = ConsoleProcess.Start(Path.Combine(_folders, instance), Settings(instance));
        _consoles[instance] = console;
        await console.WaitUntilHealthyAsync(StartTimeout);
        return console;
    }

    public string NameOf(ConsoleProcess console) => _consoles.Single(c => c.Value == console).Key;

    /// <summary>The instance's own link to Postfix, so a test can tell when that console is sending.</summary>
    public SlowLink SmtpLinkOf(string instance)
    {
        if (!_smtpLinks.TryGetValue(instance, out var link)) _smtpLinks[instance] = link = new SlowLink(TimeSpan.FromMilliseconds(100));
        return link;
    }

    /// <summary>The console fetching the mailbox and the one standing by, once they agree.</summary>
    public async Task<(ConsoleProcess Holder, ConsoleProcess Other)> HolderAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await A.MailboxStateAsync(Mailbox) == "Fetching" && await B.MailboxStateAsync(Mailbox) == "Standby") return (A, B);
            if (await B.MailboxStateAsync(Mailbox) == "Fetching" && await A.MailboxStateAsync(Mailbox) == "Standby") return (B, A);
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No console fetched {Mailbox} while the other stood by.\nA:\n{A.Tail}\nB:\n{B.Tail}");
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public async Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private Dictionary<string, string> Settings(string instance) => new()
    {
        ["Helpdesk__InstanceName"] = instance,
        ["Database__Provider"] = nameof(DatabaseProvider.PostgreSQL),
        // Pooled, as the console runs in production (test hosts connect unpooled); capped, since other test runs share the server.
        ["ConnectionStrings__Helpdesk"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = true, MaxPoolSize = 20 }.ToString(),
        ["Leases__Period"] = LeasePeriod.ToString(),
        // Raw mail one console fetched is processed by the other after a kill.
        ["Blobs__Store"] = "Database",
        ["Admin__Email"] = AdminEmail,
        ["Admin__Password"] = AdminPassword,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Helpdesk"] = "Information",
        ["Mail__Inbound__AccountAddress"] = Address,
        ["Mail__Inbound__PollInterval"] = "00:00:01",
        ["Mail__Inbound__ClaimLease"] = ClaimLease.ToString(),
        ["Mail__Inbound__Mailboxes__0__Name"] = Mailbox,
        ["Mail__Inbound__Mailboxes__0__Kind"] = "Imap",
        ["Mail__Inbound__Mailboxes__0__Host"] = MailStackServer.Host,
        ["Mail__Inbound__Mailboxes__0__Port"] = MailStackServer.ImapPort.ToString(),
        ["Mail__Inbound__Mailboxes__0__Security"] = "None",
        ["Mail__Inbound__Mailboxes__0__UserName"] = Address,
        ["Mail__Inbound__Mailboxes__0__Password"] = MailStackServer.Password,
        ["Mail__Outbound__Transport"] = "Smtp",
        ["Mail__Outbound__SmtpHost"] = MailStackServer.Host,
        ["Mail__Outbound__SmtpPort"] = SmtpLinkOf(instance).Port.ToString(),
        ["Mail__Outbound__SmtpSecurity"] = "None",
        ["Mail__Outbound__PollInterval"] = "00:00:01",
        // Other test runs restart Postfix now and then: retry within seconds, not the default 30 s and more.
        ["Mail__Outbound__FirstBackoff"] = "00:00:01",
        ["Mail__Outbound__MaxBackoff"] = "00:00:05",
        ["Mail__Outbound__ClaimLease"] = ClaimLease.ToString(),
        // A batch must be sent within its claim lease, or the next claim takes its last mails again (measured: 25 of
        // 2,000 sent twice with the default 200 over this link under load); 20 take about a second here.
        ["Mail__Outbound__BatchSize"] = "20",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var console in _consoles.Values) await console.DisposeAsync();
        foreach (var link in _smtpLinks.Values) await link.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(_folders, recursive: true); } catch (IOException) { }
    }
}
