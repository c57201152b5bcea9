using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime;
using Bogus;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
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
/// <see cref="CeilingConnections"/> connections in parallel, as many as the product opens by default, kept open from
/// round to round as the product's are. Both are warmed up first (<see cref="WarmUp"/>) on mails of their own, the
/// product on the timed host too, and each rehearses one round untimed. The timed mails are sent in
/// <see cref="TimedRounds"/> rounds, the ceiling's and the product's taking turns (and turns at going first): both
/// rates depend on how much of the machine Postfix gets, which drifts over a minute, so each is measured over the same
/// minutes as the other.
/// </summary>
public static class OutboxSmtp
{
    public const string Scenario = "outbox-smtp";
    public static readonly int CeilingConnections = new OutboundMailOptions().Connections;
    public const int TimedRounds = 4;
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
            await using var ceilingClients = await CeilingClients.ConnectAsync(CeilingConnections);
            var ceilingRounds = await warmUp.RunAsync(round => ceilingClients.SendAsync(warming[round], ceilingTo));
            var delivered = (Ceiling: warming.Take(ceilingRounds).Sum(round => round.Length), Product: 0);
            // Postfix hands mail on to Dovecot for a while after accepting it; that must not slow the next run.
            await MailStackServer.WaitForCountAsync(ceilingTo, delivered.Ceiling, DeliveryWait);
            // First a host sending two mails per batch, so that code run once per batch is as warm as a console's after a
            // day of mail (the JIT's state is the process's, shared by the next host)...
            int batchRounds;
            await using (var warmUpHost = await StartHostAsync(batchSize: 2))
                batchRounds = await warmUp.RunAsync(async round => delivered.Product += await QueueAndSendAsync(warmUpHost, warming[round], productTo, delivered.Product));
            await using var host = await StartHostAsync(batchSize: null);
            // ...then the timed host itself: its queries are compiled for it, and its start-up code is recompiled in the
            // background for a while.
            var hostSent = 0;
            var hostRounds = await warmUp.RunAsync(async round => hostSent += await QueueAndSendAsync(host, warming[round], productTo, hostSent));
            delivered.Product += hostSent;
            await MailStackServer.WaitForCountAsync(productTo, delivered.Product, DeliveryWait);

            var (ceiling, product) = (new TimedSide(), new TimedSide());
            var rounds = texts.Chunk((mails + TimedRounds - 1) / TimedRounds).ToList();
            // A rehearsal of one round each, untimed: a round is several warm-up rounds' worth of mail, and code that only
            // gets hot at that size (a send round's second and third claim, a full statement of results) was still compiled
            // during the timed rounds, hundreds of methods, as a console after a day of mail would not.
            await ceilingClients.SendAsync(rounds[0], ceilingTo);
            await MailStackServer.WaitForCountAsync(ceilingTo, delivered.Ceiling += rounds[0].Length, DeliveryWait);
            hostSent += await QueueAndSendAsync(host, rounds[0], productTo, hostSent);
            await MailStackServer.WaitForCountAsync(productTo, delivered.Product += rounds[0].Length, DeliveryWait);
            for (var round = 0; round < rounds.Count; round++)
            {
                var slice = rounds[round];
                async Task CeilingAsync()
                {
                    await ceiling.MeasureAsync(() => ceilingClients.SendAsync(slice, ceilingTo));
                    await MailStackServer.WaitForCountAsync(ceilingTo, delivered.Ceiling += slice.Length, DeliveryWait);
                }
                async Task ProductAsync()
                {
                    await QueueAsync(host, slice, productTo);
                    hostSent += await product.MeasureAsync(() => SendQueuedAsync(host, slice.Length, sentBefore: hostSent, BenchmarkBudget.ProductRun / rounds.Count));
                    await MailStackServer.WaitForCountAsync(productTo, delivered.Product += slice.Length, DeliveryWait);
                }
                if (round % 2 == 0) { await CeilingAsync(); await ProductAsync(); }
                else { await ProductAsync(); await CeilingAsync(); }
            }
            // CPU per mail reads the same on a loaded machine, where the rates do not; Postfix's share is in neither.
            return new ThroughputComparison(Scenario, "mails", product.Total, ceiling.Total, GoalRate: 1000, GoalRatio: 0.8, EitherSuffices: true,
                Breakdown: $"app CPU {product.CpuPerItem} ms per mail (ceiling {ceiling.CpuPerItem}), JIT during the run {product.Jit} " +
                           $"(ceiling {ceiling.Jit}), {rounds.Count} timed rounds each, warm-up rounds {batchRounds} + {hostRounds} (ceiling {ceilingRounds})");
        }
        finally
        {
            await BenchImap.DeleteAllAsync(ceilingTo);
            await BenchImap.DeleteAllAsync(productTo);
        }
    }

    /// <summary>One side's timed rounds added up: mails, time, this process's CPU and the JIT's work while they ran.</summary>
    private sealed class TimedSide
    {
        private int _count;
        private TimeSpan _elapsed, _cpu, _jitTime;
        private long _jitMethods;

        public Throughput Total => new(_count, _elapsed);

        public string CpuPerItem => $"{_cpu.TotalMilliseconds / Math.Max(1, _count):0.00}";

        public string Jit => $"{_jitTime.TotalMilliseconds:N0} ms, {_jitMethods:N0} methods";

        /// <returns>The items the round got through.</returns>
        public async Task<int> MeasureAsync(Func<Task<int>> round)
        {
            await WarmUp.JitSettledAsync();
            var (cpu, jit) = (Process.GetCurrentProcess().TotalProcessorTime, WarmUp.JitTotals());
            var result = await Throughput.MeasureAsync(round);
            _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            _jitTime += JitInfo.GetCompilationTime() - jit.Time;
            _jitMethods += JitInfo.GetCompiledMethodCount() - jit.Methods;
            (_count, _elapsed) = (_count + result.Count, _elapsed + result.Elapsed);
            return result.Count;
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
        return await SendQueuedAsync(host, texts.Count, sentBefore);
    }

    /// <returns>Mails sent by this call: Sent rows beyond <paramref name="sentBefore"/>.</returns>
    /// <param name="budget">How long the product may send before it is stopped (and its count taken as it is).</param>
    private static async Task<int> SendQueuedAsync(CoreTestHost host, int expected, int sentBefore, TimeSpan? budget = null)
    {
        // As the console's outbox worker runs (StartedAfterListening): its writes do not ask to go first.
        using var worker = WriteTurns.AsBatchWriter();
        var stage = host.Get<OutboxSendStage>();
        using var stop = new CancellationTokenSource(budget ?? BenchmarkBudget.ProductRun);
        try
        {
            while (await stage.ProcessDueAsync(stop.Token) > 0) { }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await using var db = await host.DbAsync();
        var sent = await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent) - sentBefore;
        if (!stop.IsCancellationRequested && sent != expected)
        {
            var errors = await db.Set<OutboxMessage>().Where(m => m.LastError != null).Select(m => m.LastError).Distinct().Take(3).ToListAsync();
            throw new InvalidOperationException($"{sent} of {expected} outbox mails were sent: {string.Join("; ", errors)}");
        }
        return sent;
    }

    private static MimeMessage Compose(string subject, string text, string to)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@helpdesk.test", Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        return message;
    }

    /// <summary>The ceiling's SMTP connections (Nagle off), open for all its rounds; each round's mails are dealt out among them.</summary>
    private sealed class CeilingClients(IReadOnlyList<SmtpClient> clients) : IAsyncDisposable
    {
        public static async Task<CeilingClients> ConnectAsync(int connections)
        {
            var clients = new List<SmtpClient>();
            try
            {
                for (var i = 0; i < connections; i++)
                {
                    var client = new SmtpClient();
                    clients.Add(client);
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(MailStackServer.Host, MailStackServer.SmtpPort);
                    await client.ConnectAsync(socket, MailStackServer.Host, MailStackServer.SmtpPort, SecureSocketOptions.None);
                }
                return new CeilingClients(clients);
            }
            catch
            {
                await new CeilingClients(clients).DisposeAsync();
                throw;
            }
        }

        /// <returns>The mails sent.</returns>
        public async Task<int> SendAsync(IReadOnlyList<(string Subject, string Text)> texts, string to)
        {
            var messages = texts.Select(t => Compose(t.Subject, t.Text, to)).ToList();
            await Task.WhenAll(clients.Select(async (client, c) =>
            {
                for (var i = c; i < messages.Count; i += clients.Count) await client.SendAsync(messages[i]);
            }));
            return messages.Count;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in clients)
            {
                if (client.IsConnected) await client.DisconnectAsync(true);
                client.Dispose();
            }
        }
    }
}
