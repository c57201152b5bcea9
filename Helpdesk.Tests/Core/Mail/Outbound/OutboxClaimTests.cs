using System.Collections.Concurrent;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Mail.Outbound;

/// <summary>Outbox rows are claimed before they are sent: several send rounds over one database send each row once.</summary>
public sealed class OutboxClaimTests
{
    private static Task<CoreTestHost> StartAsync(string transport = "Pickup", CoreTestHost? sameDatabaseAs = null) =>
        CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Helpdesk:DataFolder"] = sameDatabaseAs?.DataFolder,
            ["Mail:Outbound:Transport"] = transport,
            ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(),
            ["Mail:Outbound:SmtpSecurity"] = "None",
            ["Mail:Outbound:BatchSize"] = "20",
        }.Concat(sameDatabaseAs?.DatabaseSettings ?? new Dictionary<string, string?>()).Where(s => s.Value is not null).ToDictionary());

    private static async Task QueueAsync(CoreTestHost host, string to, int count)
    {
        await using var db = await host.DbAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            db.Add(new OutboxMessage
            {
                MessageId = $"<{Guid.NewGuid():N}@helpdesk.test>", Kind = "email_action", From = "Helpdesk <support@helpdesk.test>", To = to,
                Subject = $"Mail {i}", TextBody = $"Body {i}", Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<List<OutboxMessage>> RowsAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    private static async Task DrainAsync(OutboxSendStage stage)
    {
        while (await stage.ProcessDueAsync(default) > 0) { }
    }

    [Fact]
    [Trait("Category", "MailStack")]
    public async Task ProcessDueAsync_TwoProcessesOnOneDatabase_DeliverEachMailOnce()
    {
        var to = MailStackServer.NewAddress("customer.test");
        await using var first = await StartAsync("Smtp");
        await using var second = await StartAsync("Smtp", first);
        await QueueAsync(first, to, 120);

        await Task.WhenAll(Task.Run(() => DrainAsync(first.Get<OutboxSendStage>())), Task.Run(() => DrainAsync(second.Get<OutboxSendStage>())));

        var rows = await RowsAsync(first);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (r.Status, r.Attempts, r.ClaimToken)));
        var delivered = await MailStackServer.WaitForMessagesAsync(to, 121, TimeSpan.FromSeconds(5));
        Assert.Equal(120, delivered.Count);
        Assert.Equal(120, delivered.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task ClaimDueAsync_EightRoundsRacing_ClaimEachRowOnce()
    {
        await using var host = await StartAsync();
        await QueueAsync(host, "alice@customer.test", 400);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var claimed = new ConcurrentQueue<long>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                await using var db = await host.DbAsync();
                var batch = await OutboxClaim.ClaimDueAsync(db, now, 10, TimeSpan.FromMinutes(5), default);
                if (batch.Count == 0) return;
                foreach (var mail in batch) claimed.Enqueue(mail.Id);
            }
        })));

        Assert.Equal(400, claimed.Distinct().Count());
        Assert.Equal(400, claimed.Count);
    }

    [Fact]
    public async Task ProcessDueAsync_ClaimOfADeadRoundExpired_TakesTheMailOver()
    {
        await using var host = await StartAsync();
        await QueueAsync(host, "alice@customer.test", 3);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await host.DbAsync())
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "dead-round").SetProperty(m => m.ClaimExpiresAt, now.AddMinutes(5)));
        var stage = host.Get<OutboxSendStage>();

        Assert.Equal(0, await stage.ProcessDueAsync(default));
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(3, await stage.ProcessDueAsync(default));

        Assert.All(await RowsAsync(host), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task ProcessDueAsync_AnotherRoundTookTheMailOver_LeavesItsResultAlone()
    {
        await using var host = await StartAsync();
        await QueueAsync(host, "alice@customer.test", 1);
        var transport = new TakeOverWhileSending(host);
        var stage = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)transport);

        Assert.Equal(1, await stage.ProcessDueAsync(default));

        var row = Assert.Single(await RowsAsync(host));
        Assert.Equal((OutboxStatus.Pending, "other-round"), (row.Status, row.ClaimToken));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(2)] // the dying mail was claimed ahead, while the first batch drained
    public async Task ProcessDueAsync_RoundDiesAfterTheServerAcceptedAMail_OnlyTheUnrecordedMailIsSentAgain(int batchSize)
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Outbound:Connections"] = "1", ["Mail:Outbound:BatchSize"] = batchSize.ToString(),
        });
        await QueueAsync(host, "alice@customer.test", 5);
        var sends = new ConcurrentQueue<string>();
        using var death = new CancellationTokenSource();
        var deadClock = new ClockThatStopsAtDeath(host.Clock);
        var dying = new DiesAtThirdMail(host, sends, deadClock, death.Token);
        var deadRound = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)dying, (TimeProvider)deadClock)
            .ProcessDueAsync(death.Token);

        await dying.Died.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        var takeOver = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)new CountingPickup(host, sends));
        Assert.Equal(3, await takeOver.ProcessDueAsync(default));
        await death.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deadRound);

        var rows = await RowsAsync(host);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        var timesSent = rows.OrderBy(r => r.Id).Select(r => sends.Count(id => $"<{id}>" == r.MessageId)).ToList();
        Assert.Equal([1, 1, 2, 1, 1], timesSent);
        Assert.Equal(5, Directory.GetFiles(host.Get<PickupFolderTransport>().Folder, "*.eml").Length);
    }

    [Fact]
    public async Task OutboxWake_RowCommittedInATransaction_WakesOnlyAtTheCommit()
    {
        await using var host = await StartAsync();
        var wake = host.Get<OutboxWake>();
        await using var db = await host.DbAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            MessageId = "<wake@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "alice@customer.test",
            Subject = "Wake", TextBody = "Now", Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
        await db.SaveChangesAsync();

        Assert.False(await wake.WaitAsync(TimeSpan.FromMilliseconds(50), default));
        await tx.CommitAsync();
        Assert.True(await wake.WaitAsync(TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task OutboxWake_RowRolledBack_DoesNotWake()
    {
        await using var host = await StartAsync();
        var wake = host.Get<OutboxWake>();
        await using (var db = await host.DbAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var now = host.Clock.GetUtcNow().UtcDateTime;
            db.Add(new OutboxMessage
            {
                MessageId = "<gone@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "alice@customer.test",
                Subject = "Gone", TextBody = "Never", Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        Assert.False(await wake.WaitAsync(TimeSpan.FromMilliseconds(100), default));
    }

    /// <summary>The real pickup folder, with another round taking the row over while this one sends it (its lease ran out meanwhile).</summary>
    [Fact]
    public async Task ProcessDueAsync_RoundSendingForThreeTimesTheLease_KeepsItsClaimsAndEachMailGoesOutOnce()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Outbound:Connections"] = "1", ["Mail:Outbound:BatchSize"] = "3", ["Mail:Outbound:ClaimLease"] = "00:01:00",
        });
        await QueueAsync(host, "alice@customer.test", 6);
        var sends = new ConcurrentQueue<string>();
        var slow = new OneMailPerRelease(host, sends);
        var slowRound = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)slow).ProcessDueAsync(default);
        var other = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)new CountingPickup(host, sends));

        for (var mail = 1; mail <= 6; mail++)
        {
            slow.Release();
            var sent = mail;
            await Eventually.WaitUntilAsync(async () => (await RowsAsync(host)).Count(r => r.Status == OutboxStatus.Sent) >= sent);
            // A third of the lease passed since the last renewal, with a mail sent meanwhile: the round renews, so its
            // mails are held for more than the two thirds of a lease an unrenewed claim could have left.
            host.Clock.Advance(TimeSpan.FromSeconds(30));
            var renewedPast = host.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(40);
            bool Renewed(List<OutboxMessage> rows) => rows.Where(r => r.Status == OutboxStatus.Pending).All(r => r.ClaimExpiresAt > renewedPast);
            await Eventually.WaitUntilAsync(async () => Renewed(await RowsAsync(host)));
            Assert.True(Renewed(await RowsAsync(host)), $"not renewed after mail {mail}");
            Assert.Equal(0, await other.ProcessDueAsync(default));
        }
        Assert.Equal(6, await slowRound);

        Assert.All(await RowsAsync(host), r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(6, sends.Distinct().Count());
        Assert.Equal(6, sends.Count);
    }

    [Fact]
    public async Task ProcessDueAsync_RoundHangsWithoutProgress_ItsClaimsLapseAndAnotherRoundTakesTheMails()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Outbound:Connections"] = "1", ["Mail:Outbound:BatchSize"] = "3", ["Mail:Outbound:ClaimLease"] = "00:01:00",
        });
        await QueueAsync(host, "alice@customer.test", 3);
        var sends = new ConcurrentQueue<string>();
        var hung = new OneMailPerRelease(host, sends);
        using var stop = new CancellationTokenSource();
        var hungRound = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)hung).ProcessDueAsync(stop.Token);
        await Eventually.WaitUntilAsync(async () => (await RowsAsync(host)).All(r => r.ClaimToken != null));

        for (var i = 0; i < 3; i++) host.Clock.Advance(TimeSpan.FromSeconds(25));
        var other = ActivatorUtilities.CreateInstance<OutboxSendStage>(host.Services, (IMailTransport)new CountingPickup(host, sends));

        Assert.Equal(3, await other.ProcessDueAsync(default));
        await stop.CancelAsync();
        hung.Release();
        try { await hungRound; } catch (OperationCanceledException) { }
    }

    /// <summary>The real pickup folder, counting each mail, sending one each time the test releases one.</summary>
    private sealed class OneMailPerRelease(CoreTestHost host, ConcurrentQueue<string> sends) : IMailTransport
    {
        private readonly SemaphoreSlim _released = new(0);

        public void Release() => _released.Release();

        public async Task<IMailBatch> OpenAsync(CancellationToken ct) => new Batch(_released, await new CountingPickup(host, sends).OpenAsync(ct));

        private sealed class Batch(SemaphoreSlim released, IMailBatch inner) : IMailBatch
        {
            public async Task SendAsync(MimeKit.MimeMessage message, IReadOnlyList<MimeKit.MailboxAddress> recipients, CancellationToken ct)
            {
                await released.WaitAsync(ct);
                await inner.SendAsync(message, recipients, ct);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    private sealed class TakeOverWhileSending(CoreTestHost host) : IMailTransport
    {
        public async Task<IMailBatch> OpenAsync(CancellationToken ct) => new Batch(host, await host.Get<PickupFolderTransport>().OpenAsync(ct));

        private sealed class Batch(CoreTestHost host, IMailBatch inner) : IMailBatch
        {
            public async Task SendAsync(MimeKit.MimeMessage message, IReadOnlyList<MimeKit.MailboxAddress> recipients, CancellationToken ct)
            {
                await inner.SendAsync(message, recipients, ct);
                await using var db = await host.DbAsync();
                await db.Set<OutboxMessage>().ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "other-round"), ct);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    /// <summary>The real pickup folder, counting each mail it is given.</summary>
    private sealed class CountingPickup(CoreTestHost host, ConcurrentQueue<string> sends) : IMailTransport
    {
        public async Task<IMailBatch> OpenAsync(CancellationToken ct) => new Batch(await host.Get<PickupFolderTransport>().OpenAsync(ct), sends);

        private sealed class Batch(IMailBatch inner, ConcurrentQueue<string> sends) : IMailBatch
        {
            public async Task SendAsync(MimeKit.MimeMessage message, IReadOnlyList<MimeKit.MailboxAddress> recipients, CancellationToken ct)
            {
                await inner.SendAsync(message, recipients, ct);
                sends.Enqueue(message.MessageId!);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    /// <summary>
    /// The dead round's clock: the test's clock until the round dies, then the moment of death. A killed process makes no
    /// claim after it; the dead round's claim ahead may still be running (on PostgreSQL its I/O is truly asynchronous), and
    /// on the moved clock it would take the mails whose lease ran out from the round that takes over.
    /// </summary>
    private sealed class ClockThatStopsAtDeath(TimeProvider clock) : TimeProvider
    {
        private readonly Lock _lock = new();
        private DateTimeOffset? _death;

        public void Stop()
        {
            lock (_lock) _death = clock.GetUtcNow();
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (_lock) return _death ?? clock.GetUtcNow();
        }
    }

    /// <summary>
    /// Counts like <see cref="CountingPickup"/>; once the third mail is accepted, waits until the round has recorded the
    /// first two (results are written while the round runs, not at its end), stops the round's clock and then hangs as
    /// a killed process would.
    /// </summary>
    private sealed class DiesAtThirdMail(CoreTestHost host, ConcurrentQueue<string> sends, ClockThatStopsAtDeath clock, CancellationToken death) : IMailTransport
    {
        public TaskCompletionSource Died { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IMailBatch> OpenAsync(CancellationToken ct) => new Batch(host, Died, clock, death, await new CountingPickup(host, sends).OpenAsync(ct));

        private sealed class Batch(CoreTestHost host, TaskCompletionSource died, ClockThatStopsAtDeath clock, CancellationToken death, IMailBatch inner) : IMailBatch
        {
            private int _count;

            public async Task SendAsync(MimeKit.MimeMessage message, IReadOnlyList<MimeKit.MailboxAddress> recipients, CancellationToken ct)
            {
                await inner.SendAsync(message, recipients, ct);
                if (++_count < 3) return;
                while ((await RowsAsync(host)).Count(r => r.Status == OutboxStatus.Sent) < 2)
                    await Task.Delay(20, ct);
                clock.Stop();
                died.SetResult();
                await Task.Delay(Timeout.Infinite, death);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
