using System.Diagnostics;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// An agent saving (one save every 25 ms, each on its own: notes, which are ticket writes, and in turn drafts of a reply,
/// which are not) while <c>mails</c> generated mails are turned into tickets through the drop folder: how long a save
/// takes then, beside the same saves on the same console with no mail coming in (the ceiling). On SQLite both write
/// under its one write lock, so this is how long the inbound batches keep an agent waiting.
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
        var saves = new Saves(host.Get<AppendCaseLogEntryCommand>(), host.Get<SaveCaseLogDraftCommand>(), agent);

        // The warm-up's mails make the tickets the saves go on.
        var settled = host.Clock.GetUtcNow().UtcDateTime - DropFolderFetcher.SettleTime;
        InboundDrop.WriteFiles(fetcher.FolderOf(mailbox), all.Slice(0, warmUpMails), settled, prefix: "warm-up");
        var warmed = (await InboundPipeline.RunRoundAsync(host, mailbox, fetcher, warmUpMails)).Tickets.Count;
        saves.Tickets = warmed;
        for (var i = 0; i < 20; i++) await saves.AddAsync();
        await WarmUp.JitSettledAsync();

        InboundDrop.WriteFiles(fetcher.FolderOf(mailbox), all.Slice(warmUpMails, mails), settled);
        var round = InboundPipeline.RunRoundAsync(host, mailbox, fetcher, mails, ticketsBefore: warmed);
        var during = new List<(double Ms, bool Note)>();
        do
        {
            during.Add(await saves.AddAsync());
            await Task.Delay(Pause);
        }
        while (!round.IsCompleted);
        var tickets = (await round).Tickets;
        var quiet = new List<double>();
        for (var i = 0; i < Math.Max(during.Count, 20); i++)
        {
            quiet.Add((await saves.AddAsync()).Ms);
            await Task.Delay(Pause);
        }
        string P95Of(bool notes) => during.Where(d => d.Note == notes).Select(d => d.Ms).ToList() is { Count: > 0 } ms ? Latency.Format(new Latency(ms).P95) : "—";
        return new LatencyComparison(Scenario, $"an agent's save while {mails:N0} mails arrive", new Latency([.. during.Select(d => d.Ms)]), new Latency(quiet), GoalMs,
            $"p95 ≤ {GoalMs:0} ms", Breakdown: $"max {Latency.Format(during.Max(d => d.Ms))}; notes p95 {P95Of(notes: true)}, drafts p95 {P95Of(notes: false)}; " +
                                               $"the mails {tickets}");
    }

    /// <summary>One agent's saves on the first tickets in turn, each timed: a private note, then a draft of a reply.</summary>
    private sealed class Saves(AppendCaseLogEntryCommand append, SaveCaseLogDraftCommand draft, Person agent)
    {
        private int _added;

        public int Tickets { get; set; } = 1;

        /// <returns>How long the save took, in milliseconds, and whether it was a note.</returns>
        public async Task<(double Ms, bool Note)> AddAsync()
        {
            var n = _added++;
            var (ticketId, note) = (1 + n / 2 % Math.Min(Tickets, 50), n % 2 == 0);
            var start = Stopwatch.GetTimestamp();
            if (note)
                await append.ExecuteAsync(new NewCaseLogEntry
                {
                    TicketId = ticketId, Log = CaseLogKind.Private, Text = $"Checked again ({n}).", Format = TextFormat.Markdown,
                }, CoreTestHost.AgentActor(agent));
            else
                await draft.ExecuteAsync(new CaseLogDraftContent(ticketId, CaseLogKind.Public, $"Dear customer, about {n}", Markdown: true, SendEmail: true, []), agent.Id);
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, note);
        }
    }
}
