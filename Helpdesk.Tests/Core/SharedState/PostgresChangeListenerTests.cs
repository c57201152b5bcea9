using System.Collections.Concurrent;
using System.Diagnostics;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.SharedState;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.TestSupport;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Xunit.Abstractions;

namespace Helpdesk.Tests.Core.SharedState;

/// <summary>Two instances (two hosts, own services and listen connections) on one real PostgreSQL database.</summary>
public sealed class PostgresChangeListenerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    // For tests of what is delivered rather than how fast: the machine running the tests is shared and can be loaded.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private CoreTestHost _a = default!;
    private CoreTestHost _b = default!;
    private int _ticketId;
    private readonly ConcurrentQueue<TicketChanged> _heardOnB = new();
    private IDisposable _subscription = default!;

    public async Task InitializeAsync()
    {
        _a = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
        _b = await _a.StartAnotherInstanceAsync();
        await WaitUntilListeningAsync(_b);
        _subscription = _b.Get<ITicketChangeFeed>().Subscribe(c => { _heardOnB.Enqueue(c); return Task.CompletedTask; });
        var caller = await _a.AddPersonAsync("Bob Stone", "bob@customer.test");
        _ticketId = await _a.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = caller.Id }, Actor.System);
        // B's pump has run once (its first query compiled): no delivery still in flight can carry a test's row along.
        await WaitForAsync(() => _heardOnB.Any(c => c.TicketId == _ticketId && c.Kind == TicketChangeKind.Created), TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        _subscription.Dispose();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Listen_ChangeCommittedOnInstanceA_HeardOnInstanceBWithinASecond()
    {
        var watch = Stopwatch.StartNew();
        await AppendNoteOnAAsync("Toner is empty");

        await WaitForAsync(() => _heardOnB.Any(c => c.Kind == TicketChangeKind.CaseLogAppended), OneSecond);
        output.WriteLine($"Written on A and heard on B after {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < OneSecond, $"heard after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(_ticketId, Assert.Single(_heardOnB, c => c.Kind == TicketChangeKind.CaseLogAppended).TicketId);
    }

    [Fact]
    public async Task Listen_HigherIdCommittedFirst_BothRowsHeardOnInstanceB()
    {
        await using var first = await _a.DbAsync();
        await using var second = await _a.DbAsync();
        await using var firstTx = await first.Database.BeginTransactionAsync();
        await using var secondTx = await second.Database.BeginTransactionAsync();
        var lower = AddChange(first);
        await first.SaveChangesAsync();
        var higher = AddChange(second);
        await second.SaveChangesAsync();
        Assert.True(lower.Id < higher.Id);

        await secondTx.CommitAsync();
        await WaitForAsync(() => _heardOnB.Any(c => c.ChangeId == higher.Id), Patience);
        await firstTx.CommitAsync();
        await WaitForAsync(() => _heardOnB.Any(c => c.ChangeId == lower.Id), Patience);

        Assert.Equal([higher.Id, lower.Id], _heardOnB.Select(c => c.ChangeId).Where(id => id == lower.Id || id == higher.Id));
    }

    [Fact]
    public async Task Notify_ThreeWritesInOneBatch_OneNotificationAtTheCommitAndEveryChangeHeardOnB()
    {
        await using var listening = await ListeningAsync();
        var told = new ConcurrentQueue<string>();
        listening.Notification += (_, e) => told.Enqueue(e.Payload);
        var write = _a.Get<TicketWrite>();
        var subjects = new[] { "Printer jams", "Printer jams again", "Printer fixed" };

        await using (var batch = await write.BeginBatchAsync(default))
        {
            foreach (var subject in subjects)
                await batch.AttemptAsync(() => write.ChangeAsync(_ticketId, TicketOperation.ChangeFields, Actor.System, scope =>
                {
                    scope.Ticket.Subject = subject;
                    scope.Changed(TicketChangeKind.Updated);
                    return Task.FromResult(0);
                }, default, batch: batch), default);
            Assert.False(await listening.WaitAsync(TimeSpan.FromMilliseconds(300)), "told before the commit");
            await batch.CommitAsync(default);
        }
        while (await listening.WaitAsync(TimeSpan.FromMilliseconds(500)))
        {
        }

        await using var db = await _a.DbAsync();
        var highest = await db.Set<TicketChange>().MaxAsync(c => c.Id);
        Assert.Equal(highest.ToString(), Assert.Single(told));
        await WaitForAsync(() => _heardOnB.Count(c => c.Kind == TicketChangeKind.Updated) == subjects.Length, Patience);
    }

    [Fact]
    public async Task Notify_ChangeRolledBack_NothingToldThenOrAtTheConnectionsNextCommit()
    {
        await using var listening = await ListeningAsync();
        var told = new ConcurrentQueue<string>();
        listening.Notification += (_, e) => told.Enqueue(e.Payload);
        await using var db = await _a.DbAsync();
        // Held open, the connection hands out the same transaction object again (Npgsql reuses it).
        await db.Database.OpenConnectionAsync();

        await using (var undone = await db.Database.BeginTransactionAsync())
        {
            AddChange(db);
            await db.SaveChangesAsync();
            await undone.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        await using (var next = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
            await next.CommitAsync();
        }

        Assert.False(await listening.WaitAsync(TimeSpan.FromMilliseconds(500)), $"told: {string.Join(", ", told)}");
    }

    [Fact]
    public async Task Listen_ConnectionDropped_RowCommittedMeanwhileCaughtUpAfterReconnect()
    {
        var listener = _b.Get<PostgresChangeListener>();
        var droppedProcess = listener.ListeningProcessId!.Value;
        // Committed without NOTIFY: a notification B missed. Nothing but the catch-up after reconnecting can deliver it.
        var changeId = await InsertChangeWithoutNotifyAsync();
        await Task.Delay(300);
        Assert.DoesNotContain(_heardOnB, c => c.ChangeId == changeId);

        await using (var admin = new NpgsqlConnection(ConnectionString(_a)))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({droppedProcess})", admin);
            await terminate.ExecuteScalarAsync();
        }

        await WaitForAsync(() => _heardOnB.Any(c => c.ChangeId == changeId), TimeSpan.FromSeconds(10));
        await WaitForAsync(() => listener.ListeningProcessId is { } now && now != droppedProcess, TimeSpan.FromSeconds(10));
        Assert.Single(_heardOnB, c => c.ChangeId == changeId);
    }

    [Fact]
    public async Task Listen_CorrespondenceSavedOnInstanceA_InstanceBSeesItWithinASecond()
    {
        var settingsOnA = _a.Get<CorrespondenceSettings>();
        var switches = await settingsOnA.GetAsync();
        switches.AdminEmail = "new-admin@helpdesk.test";
        var settingsOnB = _b.Get<CorrespondenceSettings>();
        Assert.NotEqual("new-admin@helpdesk.test", settingsOnB.LastRead.AdminEmail);

        var watch = Stopwatch.StartNew();
        await settingsOnA.SaveAsync(switches);

        await WaitForAsync(() => settingsOnB.LastRead.AdminEmail == "new-admin@helpdesk.test", OneSecond);
        output.WriteLine($"Saved on A and seen on B after {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < OneSecond, $"seen after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Listen_MailboxSavedOnInstanceA_WakesTheInboundWorkerOfInstanceB()
    {
        var changesOnB = _b.Get<MailboxChanges>();
        Assert.False(await changesOnB.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        await _a.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, "support", MailboxKind.Imap)
        {
            Host = "imap.example.com", Port = 993, Security = SecureSocketOptions.SslOnConnect, UserName = "support@example.com", Password = "Pa55-word!",
        });

        Assert.True(await changesOnB.WaitAsync(Patience, CancellationToken.None));
    }

    [Fact]
    public async Task Listen_TicketViewSavedOnInstanceA_InstanceBHearsTheViewsChanged()
    {
        var heardOnB = new ConcurrentQueue<string>();
        _b.Get<SettingsChanges>().Changed += heardOnB.Enqueue;

        await _a.Get<SaveTicketViewCommand>().ExecuteAsync(new TicketViewInput { Name = "Escalations" });

        await WaitForAsync(() => heardOnB.Contains(SettingsChanges.TicketViews), Patience);
    }

    private async Task AppendNoteOnAAsync(string text) =>
        await _a.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = _ticketId, Log = CaseLogKind.Private, Text = text }, Actor.System);

    private TicketChange AddChange(HelpdeskDbContext db)
    {
        var change = new TicketChange { TicketId = _ticketId, Kind = TicketChangeKind.Updated, At = _a.Clock.GetUtcNow().UtcDateTime };
        db.Add(change);
        return change;
    }

    private async Task<long> InsertChangeWithoutNotifyAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString(_a));
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """INSERT INTO "TicketChange" ("TicketId", "Kind", "At", "TicketVersion") VALUES (@ticket, 'Updated', now(), 0) RETURNING "Id" """, connection);
        insert.Parameters.AddWithValue("ticket", _ticketId);
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    /// <summary>A connection of the test's own that listens as the instances do.</summary>
    private async Task<NpgsqlConnection> ListeningAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString(_a));
        await connection.OpenAsync();
        await using var listen = new NpgsqlCommand($"LISTEN {SharedStateChannels.TicketChanges}", connection);
        await listen.ExecuteNonQueryAsync();
        return connection;
    }

    private static string ConnectionString(CoreTestHost host) => host.Get<IConfiguration>().GetConnectionString("Helpdesk")!;

    private static Task WaitUntilListeningAsync(CoreTestHost host) =>
        WaitForAsync(() => host.Get<PostgresChangeListener>().ListeningProcessId is not null, TimeSpan.FromSeconds(10));

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < limit, $"not within {limit.TotalMilliseconds} ms");
            await Task.Delay(10);
        }
    }
}
