using System.Diagnostics;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Persistence;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// .eml files in the drop folder → committed tickets, through the real store and processing. Ceiling: MimeKit parsing
/// the same files and one raw SQLite row per mail, all in one transaction. On PostgreSQL (scenario inbound-drop-pg) the
/// product runs on a fresh PostgreSQL database and the ceiling is <see cref="InboundDropCeilingPostgres"/>.
/// </summary>
public static class InboundDrop
{
    public const string Scenario = "inbound-drop";
    public const string PostgresScenario = "inbound-drop-pg";
    private const string Account = "support@helpdesk.test";

    public static async Task<ThroughputComparison> MeasureAsync(int mails, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var warmUp = WarmUp.For(mails);
        var all = GeneratedMail.Create(mails + warmUp.MostItems, Account);
        var mail = all.Slice(0, mails);
        var ceiling = await CeilingAsync(mail, warmUp, provider);
        var mailbox = new MailboxOptions { Name = "local", Kind = MailboxKind.DropFolder, Folder = DropFolderFetcher.DefaultFolder };
        await using var host = await InboundPipeline.StartAsync(Account, all.Senders, provider);
        var fetcher = host.Get<DropFolderFetcher>();
        var (rounds, warmed) = await InboundPipeline.WarmUpAsync(host, warmUp, all, mails, mailbox, fetcher, (part, round) =>
        {
            WriteFiles(fetcher.FolderOf(mailbox), part, writtenAt: host.Clock.GetUtcNow().UtcDateTime - DropFolderFetcher.SettleTime, prefix: $"warm-up-{round}");
            return Task.CompletedTask;
        });
        WriteFiles(fetcher.FolderOf(mailbox), mail, writtenAt: host.Clock.GetUtcNow().UtcDateTime - DropFolderFetcher.SettleTime);
        await WarmUp.JitSettledAsync();
        var (cpuBefore, jitBefore, allocatedBefore) = (Process.GetCurrentProcess().TotalProcessorTime, WarmUp.JitTotals(), GC.GetTotalAllocatedBytes(precise: true));
        var (product, fetching, commands) = await InboundPipeline.RunRoundAsync(host, mailbox, fetcher, mails, ticketsBefore: warmed);
        // CPU per ticket reads the same on a loaded machine, where the rates above do not; the memory allocated per ticket
        // (the garbage collector's work) does not move with the load at all.
        var (cpuEach, jit) = ((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, product.Count), WarmUp.Since(jitBefore));
        var allocatedEach = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / Math.Max(1, product.Count);
        return new ThroughputComparison(provider == DatabaseProvider.PostgreSQL ? PostgresScenario : Scenario, "tickets", product, ceiling, GoalRate: 5000, GoalRatio: 0.5, EitherSuffices: false,
            Breakdown: $"fetch + store {fetching.TotalSeconds:0.00} s, processing {(product.Elapsed - fetching).TotalSeconds:0.00} s, app CPU {cpuEach:0.00} ms per ticket, allocated {allocatedEach:0} KB per ticket, " +
                       $"{SqlCommandCount.PerMail(commands, mails)}, JIT during the run {jit}, warm-up rounds {rounds}");
    }

    /// <param name="writtenAt">By the host's clock, so that the drop folder takes every file as settled in the first round.</param>
    internal static void WriteFiles(string folder, GeneratedMail mail, DateTime? writtenAt = null, string prefix = "mail")
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < mail.Messages.Count; i++)
        {
            var file = Path.Combine(folder, $"{prefix}-{i:00000}.eml");
            File.WriteAllBytes(file, mail.Messages[i]);
            if (writtenAt is { } time) File.SetLastWriteTimeUtc(file, time);
        }
    }

    private static async Task<Throughput> CeilingAsync(GeneratedMail mail, WarmUp warmUp, DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdesk-bench", Guid.NewGuid().ToString("N"));
        WriteFiles(folder, mail);
        try
        {
            var files = Directory.GetFiles(folder, "*.eml");
            if (provider == DatabaseProvider.PostgreSQL) return await InboundDropCeilingPostgres.MeasureAsync(files);
            // Warmed up as the product is: MimeKit and SQLite compiled before the timed run.
            using (var warmUpDb = OpenDatabase(Path.Combine(folder, "warm-up.db")))
                await warmUp.RunAsync(_ => Task.FromResult(ParseAndInsert(warmUpDb, files.Take(warmUp.ItemsPerRound).ToList())));
            using var connection = OpenDatabase(Path.Combine(folder, "ceiling.db"));
            return await Throughput.MeasureAsync(() => Task.FromResult(ParseAndInsert(connection, files)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SqliteConnection OpenDatabase(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE Mail (Id INTEGER PRIMARY KEY, MessageId TEXT NOT NULL, Sender TEXT, Subject TEXT, Raw BLOB NOT NULL)";
        create.ExecuteNonQuery();
        return connection;
    }

    private static int ParseAndInsert(SqliteConnection connection, IReadOnlyList<string> files)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Mail (MessageId, Sender, Subject, Raw) VALUES ($id, $sender, $subject, $raw)";
        var (id, sender, subject, raw) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$sender", SqliteType.Text),
            insert.Parameters.Add("$subject", SqliteType.Text), insert.Parameters.Add("$raw", SqliteType.Blob));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var message = MimeMessage.Load(new MemoryStream(bytes, writable: false));
            id.Value = message.MessageId;
            sender.Value = message.From.Mailboxes.First().Address;
            subject.Value = message.Subject;
            raw.Value = bytes;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return files.Count;
    }
}
