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
        var warmUp = WarmUp.For(mails);
        var (address, warmUpAddress) = (MailStackServer.NewAddress(), MailStackServer.NewAddress());
        var all = GeneratedMail.Create(mails + warmUp.MostItems, address);
        await BenchImap.AppendAsync(address, all.Slice(0, mails).Messages);
        try
        {
            await BenchImap.FetchAllAsync(address); // warm-up: the product runs later with MailKit compiled and Dovecot's caches filled
            var ceiling = await Throughput.MeasureAsync(() => BenchImap.FetchAllAsync(address));
            if (ceiling.Count != mails) throw new InvalidOperationException($"The mailbox holds {ceiling.Count} of the {mails} mails appended.");
            await using var host = await InboundPipeline.StartAsync(address, all.Senders);
            // The warm-up's mail comes from a mailbox of its own; the timed mailbox stays as the ceiling read it.
            var (rounds, warmed) = await InboundPipeline.WarmUpAsync(host, warmUp, all, mails, MailStackServer.Mailbox(MailboxKind.Imap, warmUpAddress, name: "warm-up"),
                host.Get<ImapFetcher>(), (part, _) => BenchImap.AppendAsync(warmUpAddress, part.Messages));
            await WarmUp.JitSettledAsync();
            var (product, fetching, commands) = await InboundPipeline.RunRoundAsync(host, MailStackServer.Mailbox(MailboxKind.Imap, address), host.Get<ImapFetcher>(), mails, ticketsBefore: warmed);
            return new ThroughputComparison(Scenario, "tickets", product, ceiling, GoalRate: 2500, GoalRatio: 0.5, EitherSuffices: false,
                Breakdown: $"fetch + store {fetching.TotalSeconds:0.00} s ({mails / fetching.TotalSeconds:0}/s), processing {(product.Elapsed - fetching).TotalSeconds:0.00} s, " +
                           $"{SqlCommandCount.PerMail(commands, mails)}, warm-up rounds {rounds}");
        }
        finally
        {
            await BenchImap.DeleteAllAsync(address);
            await BenchImap.DeleteAllAsync(warmUpAddress);
        }
    }
}
