using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Tests.TestSupport.MailStack;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// A backlog of mail in a fresh Dovecot mailbox → committed tickets, through the real IMAP fetcher, store and
/// processing. Ceiling: MailKit fetching the same full messages. Putting the mail there is not timed.
/// </summary>
public static class InboundImap
{
    public const string Scenario = "inbound-imap";

    public static async Task<ThroughputComparison> MeasureAsync(int mails)
    {
        var address = MailStackServer.NewAddress();
        var mail = GeneratedMail.Create(mails, address);
        await BenchImap.AppendAsync(address, mail.Messages);
        try
        {
            await BenchImap.FetchAllAsync(address); // warm-up: the product runs later with MailKit compiled and Dovecot's caches filled
            var ceiling = await Throughput.MeasureAsync(() => BenchImap.FetchAllAsync(address));
            if (ceiling.Count != mails) throw new InvalidOperationException($"The mailbox holds {ceiling.Count} of the {mails} mails appended.");
            await WarmUpAsync(WarmUp.ItemsPerRound(mails));
            await using var host = await InboundPipeline.StartAsync(address, mail.Senders);
            await WarmUp.JitSettledAsync(); // after the host's start-up code, recompiled in the background
            var (product, fetching) = await InboundPipeline.RunRoundAsync(host, MailStackServer.Mailbox(MailboxKind.Imap, address), host.Get<ImapFetcher>(), mails);
            return new ThroughputComparison(Scenario, "tickets", product, ceiling, GoalRate: 2500, GoalRatio: 0.5, EitherSuffices: false,
                Breakdown: $"fetch + store {fetching.TotalSeconds:0.00} s ({mails / fetching.TotalSeconds:0}/s), processing {(product.Elapsed - fetching).TotalSeconds:0.00} s");
        }
        finally
        {
            await BenchImap.DeleteAllAsync(address);
        }
    }

    /// <summary>
    /// Mail of its own through a host and mailbox of their own first, as the ceiling fetches once first: the JIT's
    /// state is the process's, so the timed host runs the code as warm as a console's after a day of mail.
    /// </summary>
    private static async Task WarmUpAsync(int perRound)
    {
        var address = MailStackServer.NewAddress();
        var mail = GeneratedMail.Create(perRound * WarmUp.Rounds, address);
        try
        {
            await using var host = await InboundPipeline.StartAsync(address, mail.Senders);
            await WarmUp.RunAsync(async round =>
            {
                await BenchImap.AppendAsync(address, mail.Messages.Skip(round * perRound).Take(perRound).ToList());
                await InboundPipeline.RunRoundAsync(host, MailStackServer.Mailbox(MailboxKind.Imap, address), host.Get<ImapFetcher>(), expected: (round + 1) * perRound);
            });
        }
        finally
        {
            await BenchImap.DeleteAllAsync(address);
        }
    }
}
