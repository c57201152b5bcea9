using System.Diagnostics;
using System.Net.Sockets;
using Bogus;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// Pending outbox rows of about 10 KB → sent to the loopback Postfix by the real OutboxSendStage, called back to back
/// (the worker's poll gap between batches is not counted). Ceiling: MailKit sending the same mails over
/// <see cref="CeilingConnections"/> connections in parallel, as many as the product opens by default. Both are warmed
/// up first (<see cref="WarmUp"/>) on mails of their own, the product on the timed host too.
/// </summary>
public static class OutboxSmtp
{
    public const string Scenario = "outbox-smtp";
    public static readonly int CeilingConnections = new OutboundMailOptions().Connections;
    private const string From = "support@helpdesk.test";
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(30);

    public static async Task<ThroughputComparison> MeasureAsync(int mails)
    {
        var warmUp = WarmUp.For(mails);
        var all = Texts(mails + warmUp.MostItems);
        var (texts, warming) = (all.Take(mails).ToList(), all.Skip(mails).Chunk(warmUp.ItemsPerRound).ToList());
        var (ceilingTo, productTo) = (MailStackServer.NewAddress(), MailStackServer.NewAddress());
        try
        {
            var ceilingRounds = await warmUp.RunAsync(round => SendInParallelAsync(warming[round], ceilingTo));
            var (cpuBefore, jitBefore) = (Process.GetCurrentProcess().TotalProcessorTime, WarmUp.JitTotals());
            var ceiling = await Throughput.MeasureAsync(() => SendInParallelAsync(texts, ceilingTo));
            var (ceilingCpu, ceilingJit) = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, WarmUp.Since(jitBefore));
            // Postfix hands the ceiling's mail on to Dovecot for a while after accepting it; that must not slow the product's run.
            await MailStackServer.WaitForCountAsync(ceilingTo, mails + warming.Take(ceilingRounds).Sum(round => round.Length), DeliveryWait);
            // First a host sending two mails per batch, so that code run once per batch is as warm as a console's after a
            // day of mail (the JIT's state is the process's, shared by the next host)...
            var warmed = 0;
            int batchRounds;
            await using (var warmUpHost = await StartHostAsync(batchSize: 2))
                batchRounds = await warmUp.RunAsync(async round => warmed += await QueueAndSendAsync(warmUpHost, warming[round], productTo, warmed));
            await using var host = await StartHostAsync(batchSize: null);
            // ...then the timed host itself: its queries are compiled for it, and its start-up code is recompiled in the
            // background for a while.
            var hostWarmed = 0;
            var hostRounds = await warmUp.RunAsync(async round => hostWarmed += await QueueAndSendAsync(host, warming[round], productTo, hostWarmed));
            await MailStackServer.WaitForCountAsync(productTo, warmed + hostWarmed, DeliveryWait);
            await QueueAsync(host, texts, productTo);
            await WarmUp.JitSettledAsync();
            (cpuBefore, jitBefore) = (Process.GetCurrentProcess().TotalProcessorTime, WarmUp.JitTotals());
            var product = await SendQueuedAsync(host, mails, sentBefore: hostWarmed);
            var (productCpu, productJit) = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, WarmUp.Since(jitBefore));
            await MailStackServer.WaitForCountAsync(productTo, warmed + hostWarmed + product.Count, DeliveryWait);
            // CPU per mail reads the same on a loaded machine, where the rates do not; Postfix's share is in neither.
            return new ThroughputComparison(Scenario, "mails", product, ceiling, GoalRate: 1000, GoalRatio: 0.8, EitherSuffices: true,
                Breakdown: $"app CPU {productCpu.TotalMilliseconds / Math.Max(1, product.Count):0.00} ms per mail (ceiling {ceilingCpu.TotalMilliseconds / mails:0.00}), " +
                           $"JIT during the run {productJit} (ceiling {ceilingJit}), warm-up rounds {batchRounds} + {hostRounds} (ceiling {ceilingRounds})");
        }
        finally
        {
            await BenchImap.DeleteAllAsync(ceilingTo);
            await BenchImap.DeleteAllAsync(productTo);
        }
    }

    private static Task<CoreTestHost> StartHostAsync(int? batchSize)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
        };
        if (batchSize is { } size) settings["Mail:Outbound:BatchSize"] = size.ToString();
        return CoreTestHost.StartAsync(settings: settings);
    }

    private static List<(string Subject, string Text)> Texts(int count)
    {
        var faker = new Faker("en") { Random = new Randomizer(14) };
        return Enumerable.Range(0, count).Select(i =>
        {
            var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(_ => faker.Lorem.Paragraph(6)));
            return ($"[#HD-{i}] {faker.Hacker.Phrase()}", text.Length > 10 * 1024 ? text[..(10 * 1024)] : text);
        }).ToList();
    }

    private static async Task QueueAsync(CoreTestHost host, IEnumerable<(string Subject, string Text)> texts, string to)
    {
        await using var db = await host.DbAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        db.AddRange(texts.Select(t => OutboxMail.Create("benchmark", null, From, [new OutboxRecipient(to, null, "benchmark")], t.Subject, t.Text, null, "helpdesk.test", now)));
        await db.SaveChangesAsync();
    }

    private static async Task<int> QueueAndSendAsync(CoreTestHost host, IReadOnlyList<(string Subject, string Text)> texts, string to, int sentBefore)
    {
        await QueueAsync(host, texts, to);
        return (await SendQueuedAsync(host, texts.Count, sentBefore)).Count;
    }

    /// <returns>Mails sent by this call: Sent rows beyond <paramref name="sentBefore"/>.</returns>
    private static async Task<Throughput> SendQueuedAsync(CoreTestHost host, int expected, int sentBefore)
    {
        var stage = host.Get<OutboxSendStage>();
        using var budget = new CancellationTokenSource(BenchmarkBudget.ProductRun);
        var result = await Throughput.MeasureAsync(async () =>
        {
            try
            {
                while (await stage.ProcessDueAsync(budget.Token) > 0) { }
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
            }
            await using var db = await host.DbAsync();
            return await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent) - sentBefore;
        });
        if (!budget.IsCancellationRequested && result.Count != expected)
        {
            await using var db = await host.DbAsync();
            var errors = await db.Set<OutboxMessage>().Where(m => m.LastError != null).Select(m => m.LastError).Distinct().Take(3).ToListAsync();
            throw new InvalidOperationException($"{result.Count} of {expected} outbox mails were sent: {string.Join("; ", errors)}");
        }
        return result;
    }

    private static async Task<int> SendInParallelAsync(IReadOnlyList<(string Subject, string Text)> texts, string to)
    {
        var messages = texts.Select(t => Compose(t.Subject, t.Text, to)).ToList();
        var slices = messages.Select((m, i) => (m, i)).GroupBy(x => x.i % CeilingConnections, x => x.m);
        var sent = await Task.WhenAll(slices.Select(slice => SendOverOneConnectionAsync(slice.ToList())));
        return sent.Sum();
    }

    private static MimeMessage Compose(string subject, string text, string to)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@helpdesk.test", Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        return message;
    }

    private static async Task<int> SendOverOneConnectionAsync(IReadOnlyList<MimeMessage> messages)
    {
        using var client = new SmtpClient();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(MailStackServer.Host, MailStackServer.SmtpPort);
        await client.ConnectAsync(socket, MailStackServer.Host, MailStackServer.SmtpPort, SecureSocketOptions.None);
        foreach (var message in messages) await client.SendAsync(message);
        await client.DisconnectAsync(true);
        return messages.Count;
    }
}
