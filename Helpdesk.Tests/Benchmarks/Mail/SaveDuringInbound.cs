using System.Diagnostics;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// An agent adding notes (one every 25 ms, each on its own) while <c>mails</c> generated mails are turned into tickets
/// through the drop folder: how long a note takes then, beside the same notes on the same console with no mail coming
/// in (the ceiling). On SQLite both write under its one write lock, so this is how long the inbound batches keep an
/// agent waiting.
/// </summary>
public static class SaveDuringInbound
{
    public const string Scenario = "save-during-inbound";
    public const double GoalMs = 250;
    private const string Account = "support@helpdesk.test";
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    public static async Task<LatencyComparison> MeasureAsync(int mails)
    {
        var warmUpMails = Math.Clamp(mails / 10, 2, 200);
        var all = GeneratedMail.Create(warmUpMails + mails, Account);
        await using var host = await InboundPipeline.StartAsync(Account, all.Senders);
        var agent = await host.AddPersonAsync("Agent Bench", "agent.bench@helpdesk.test", PersonRoles.Agent);
        var mailbox = new MailboxOptions { Name = "local", Kind = MailboxKind.DropFolder, Folder = DropFolderFetcher.DefaultFolder };
        var fetcher = host.Get<DropFolderFetcher>();
        var notes = new Notes(host.Get<AppendCaseLogEntryCommand>(), agent);

        // The warm-up's mails make the tickets the notes go on.
        var settled = host.Clock.GetUtcNow().UtcDateTime - DropFolderFetcher.SettleTime;
        InboundDrop.WriteFiles(fetcher.FolderOf(mailbox), all.Slice(0, warmUpMails), settled, prefix: "warm-up");
        var warmed = (await InboundPipeline.RunRoundAsync(host, mailbox, fetcher, warmUpMails)).Tickets.Count;
        notes.Tickets = warmed;
        for (var i = 0; i < 20; i++) await notes.AddAsync();
        await WarmUp.JitSettledAsync();

        InboundDrop.WriteFiles(fetcher.FolderOf(mailbox), all.Slice(warmUpMails, mails), settled);
        var round = InboundPipeline.RunRoundAsync(host, mailbox, fetcher, mails, ticketsBefore: warmed);
        var during = new List<double>();
        do
        {
            during.Add(await notes.AddAsync());
            await Task.Delay(Pause);
        }
        while (!round.IsCompleted);
        var tickets = (await round).Tickets;
        var quiet = new List<double>();
        for (var i = 0; i < Math.Max(during.Count, 20); i++)
        {
            quiet.Add(await notes.AddAsync());
            await Task.Delay(Pause);
        }
        return new LatencyComparison(Scenario, $"an agent's note while {mails:N0} mails arrive", new Latency(during), new Latency(quiet), GoalMs,
            $"p95 ≤ {GoalMs:0} ms", Breakdown: $"max {Latency.Format(during.Max())}; the mails {tickets}");
    }

    /// <summary>Private notes by one agent, each on the next of the first tickets in turn, each timed.</summary>
    private sealed class Notes(AppendCaseLogEntryCommand append, Person agent)
    {
        private int _added;

        public int Tickets { get; set; } = 1;

        /// <returns>How long the note took, in milliseconds.</returns>
        public async Task<double> AddAsync()
        {
            var n = _added++;
            var start = Stopwatch.GetTimestamp();
            await append.ExecuteAsync(new NewCaseLogEntry
            {
                TicketId = 1 + n % Math.Min(Tickets, 50), Log = CaseLogKind.Private, Text = $"Checked again ({n}).", Format = TextFormat.Markdown,
            }, CoreTestHost.AgentActor(agent));
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }
}
