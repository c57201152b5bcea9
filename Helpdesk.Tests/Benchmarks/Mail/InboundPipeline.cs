using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// The real Core on a fresh database, with the benchmark's senders as known people, running one mailbox round the
/// way InboundMailWorker does (fetch and store, then process what is pending in a scope) until all mail is a ticket
/// or the budget is spent.
/// </summary>
public static class InboundPipeline
{
    /// <param name="provider">The database to run on; by default the one HELPDESK_TEST_DATABASE names.</param>
    public static async Task<CoreTestHost> StartAsync(string accountAddress, IReadOnlyList<MailSender> senders, DatabaseProvider? provider = null)
    {
        var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = accountAddress }, provider: provider);
        await using var db = await host.DbAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        db.AddRange(senders.Select(s => new Person { Name = s.Name, PrimaryEmail = s.Address, Roles = PersonRoles.EndUser, CreatedAt = now }));
        await db.SaveChangesAsync();
        return host;
    }

    /// <summary>
    /// Warm-up rounds through the timed host itself, so that the code and the host's own compiled queries are as warm
    /// as a console's after a day of mail: each round's mail (the generator's messages after the
    /// <paramref name="timedMails"/> timed ones, same senders) is put where <paramref name="mailbox"/> reads it by
    /// <paramref name="deliver"/> (given the round), then fetched and processed.
    /// </summary>
    /// <returns>The rounds run and the tickets they made.</returns>
    public static async Task<(int Rounds, int Tickets)> WarmUpAsync(CoreTestHost host, WarmUp warmUp, GeneratedMail all, int timedMails,
        MailboxOptions mailbox, IMailboxFetcher fetcher, Func<GeneratedMail, int, Task> deliver)
    {
        var tickets = 0;
        var rounds = await warmUp.RunAsync(async round =>
        {
            var part = all.Slice(timedMails + round * warmUp.ItemsPerRound, warmUp.ItemsPerRound);
            await deliver(part, round);
            tickets += (await RunRoundAsync(host, mailbox, fetcher, part.Messages.Count, ticketsBefore: tickets)).Tickets.Count;
        });
        return (rounds, tickets);
    }

    /// <param name="expected">Mails this round should handle (each a ticket, unless an earlier mail's event matching
    /// rightly makes it a note on that ticket or sets it aside as a repeat).</param>
    /// <param name="ticketsBefore">Tickets there were before the round (made by a warm-up).</param>
    /// <returns>Tickets committed by the round, over its time; how much of it went to fetching and storing; and the SQL
    /// commands the round ran on the host's database (fetching, storing, processing; not the benchmark's own counts).</returns>
    public static async Task<(Throughput Tickets, TimeSpan Fetching, long SqlCommands)> RunRoundAsync(CoreTestHost host, MailboxOptions mailbox, IMailboxFetcher fetcher, int expected,
        int ticketsBefore = 0)
    {
        // As the console's mailbox worker runs (StartedAfterListening): its writes do not ask to go first.
        using var worker = WriteTurns.AsBatchWriter();
        var timed = new TimedFetcher(fetcher);
        var scopes = host.Get<IServiceScopeFactory>();
        async Task ProcessPendingAsync(CancellationToken ct)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InboundMailProcessor>().ProcessPendingAsync(ct);
        }
        var round = new MailboxRound(mailbox, timed, ProcessPendingAsync, host.Get<SystemAlerts>(),
            host.Get<IOptions<InboundMailOptions>>().Value, NullLogger.Instance);
        var handledBefore = await HandledCountAsync(host);
        using var budget = new CancellationTokenSource(BenchmarkBudget.ProductRun);
        using var commands = await CountSqlCommandsAsync(host);
        var result = await Throughput.MeasureAsync(async () =>
        {
            try
            {
                await round.RunAsync(budget.Token);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
            }
            commands.Dispose();
            return await TicketCountAsync(host) - ticketsBefore;
        });
        // Mails, not tickets: the warm-up's mails come from the same senders, and a timed mail repeating one of them
        // within 24 hours is rightly not a ticket of its own.
        var handled = await HandledCountAsync(host) - handledBefore;
        if (!budget.IsCancellationRequested && handled != expected)
            throw new InvalidOperationException($"Of {expected} mails {handled} were handled ({result.Count} tickets): {await OutcomesAsync(host)}");
        return (result, timed.Elapsed, commands.Count);
    }

    private static async Task<SqlCommandCount> CountSqlCommandsAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return SqlCommandCount.Start(db.Database.GetDbConnection());
    }

    private static async Task<int> HandledCountAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Set<InboundMessage>().CountAsync(m => m.Status == InboundStatus.Processed || m.Status == InboundStatus.Ignored);
    }

    private static async Task<int> TicketCountAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Set<Ticket>().CountAsync();
    }

    private static async Task<string> OutcomesAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().GroupBy(m => new { m.Status, m.Error }).Select(g => new { g.Key.Status, g.Key.Error, Count = g.Count() }).ToListAsync();
        return rows.Count == 0 ? "nothing was stored" : string.Join("; ", rows.Select(r => $"{r.Count} {r.Status} {r.Error}"));
    }
}
