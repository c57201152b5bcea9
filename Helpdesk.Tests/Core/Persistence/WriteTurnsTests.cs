using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class WriteTurnsTests
{
    [Fact]
    public void Waiting_UntilDisposed_IsWanted_AndADoubleDisposeLeavesOnce()
    {
        var turns = new WriteTurns();
        var first = turns.Waiting();
        var second = turns.Waiting();

        first.Dispose();
        first.Dispose();
        Assert.True(turns.Wanted);
        second.Dispose();
        Assert.False(turns.Wanted);
    }

    [Fact]
    public async Task LetThemGoFirstAsync_ReturnsOnceTheLastWaitingWriteHasTheLock()
    {
        var turns = new WriteTurns();
        var waiting = turns.Waiting();

        var yielding = turns.LetThemGoFirstAsync(TimeSpan.FromMinutes(5), default);
        Assert.False(yielding.IsCompleted);
        waiting.Dispose();

        await yielding;
        Assert.True(turns.LetThemGoFirstAsync(TimeSpan.FromMinutes(5), default).IsCompleted);
    }

    [Fact]
    public async Task LetThemGoFirstAsync_AWriteThatNeverGetsTheLock_ReturnsAfterTheMostItWaits()
    {
        var turns = new WriteTurns();
        using var stuck = turns.Waiting();

        await turns.LetThemGoFirstAsync(TimeSpan.FromMilliseconds(20), default);

        Assert.True(turns.Wanted);
    }

    [Fact]
    public async Task SingleTicketWrite_WhileAnotherConnectionHoldsSqlitesWriteLock_IsWantedUntilItHasTheLock()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var requester = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = requester.Id }, Actor.System);

        await AssertWantedWhileTheLockIsHeldAsync(host, () => host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Private, Text = "Checked the toner" }, Actor.System));
    }

    [Fact]
    public async Task SaveOutsideATransaction_WhileAnotherConnectionHoldsSqlitesWriteLock_IsWantedUntilItIsDone()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);

        // An administrator's edit of a person: one statement, which EF runs without a transaction of its own.
        await AssertWantedWhileTheLockIsHeldAsync(host, () => host.Get<SavePersonCommand>().ExecuteAsync(
            new PersonInput(null, "Carol Reed", "carol@customer.test", [], null, PersonRoles.EndUser, IsActive: true)));
    }

    [Fact]
    public async Task StatementOutsideATransaction_WhileAnotherConnectionHoldsSqlitesWriteLock_IsWantedUntilItIsDone()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var person = await host.AddPersonAsync("Bob Stone", "bob@customer.test");

        await AssertWantedWhileTheLockIsHeldAsync(host, async () =>
        {
            await using var db = await host.DbAsync();
            Assert.Equal(1, await db.Set<Person>().Where(p => p.Id == person.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, "Bob Stone-Reed")));
        });
    }

    /// <summary>
    /// Runs <paramref name="write"/> while another connection holds SQLite's write lock: it must be wanted and unfinished
    /// until the lock is released, then finish and be wanted no more.
    /// </summary>
    private static async Task AssertWantedWhileTheLockIsHeldAsync(CoreTestHost host, Func<Task> write)
    {
        var turns = host.Get<WriteTurns>();
        await using var holder = await host.DbAsync();
        var held = await holder.Database.BeginTransactionAsync();

        var writing = Task.Run(write);
        await Eventually.WaitUntilAsync(() => turns.Wanted);
        Assert.True(turns.Wanted);
        Assert.False(writing.IsCompleted);
        await held.CommitAsync();

        await writing;
        Assert.False(turns.Wanted);
    }

    [Fact]
    public async Task Reads_WhileAnotherConnectionHoldsSqlitesWriteLock_AreNotWanted()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var turns = host.Get<WriteTurns>();
        await using var holder = await host.DbAsync();
        var held = await holder.Database.BeginTransactionAsync();
        holder.Add(new Person { Name = "Held", PrimaryEmail = "held@customer.test", CreatedAt = host.Clock.GetUtcNow().UtcDateTime });
        await holder.SaveChangesAsync();
        var marked = false;
        var watching = true;
        var watcher = Task.Run(async () =>
        {
            while (Volatile.Read(ref watching)) { marked |= turns.Wanted; await Task.Yield(); }
        });

        for (var i = 0; i < 20; i++)
        {
            await using var db = await host.DbAsync();
            Assert.DoesNotContain("held@customer.test", await db.Set<Person>().Select(p => p.PrimaryEmail).ToListAsync());
        }
        Volatile.Write(ref watching, false);
        await watcher;
        await held.RollbackAsync();

        Assert.False(marked);
    }

    [Fact]
    public async Task WritesOfABatchWriter_WhileAnotherConnectionHoldsSqlitesWriteLock_AreNotWanted()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var turns = host.Get<WriteTurns>();
        await using var holder = await host.DbAsync();
        var held = await holder.Database.BeginTransactionAsync();

        var save = Task.Run(async () =>
        {
            using var worker = WriteTurns.AsBatchWriter();
            await host.AddPersonAsync("Carol Reed", "carol@customer.test");
        });
        await Task.Delay(100);
        Assert.False(save.IsCompleted);
        Assert.False(turns.Wanted);
        await held.CommitAsync();

        await save;
        Assert.False(WriteTurns.IsBatchWriter);
    }

    [Fact]
    public async Task BeginThatGivesUp_AfterTheBusyTimeout_LeavesNoWriteWanted()
    {
        var folder = Directory.CreateTempSubdirectory("helpdesk-turns-").FullName;
        try
        {
            await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Helpdesk"] = $"Data Source={Path.Combine(folder, "helpdesk.db")};Pooling=True;Default Timeout=1",
            });
            var turns = host.Get<WriteTurns>();
            await using var holder = await host.DbAsync();
            var held = await holder.Database.BeginTransactionAsync();

            var begin = Task.Run(async () =>
            {
                await using var db = await host.DbAsync();
                await using var transaction = await db.Database.BeginTransactionAsync();
            });
            var seen = false;
            await Eventually.WaitUntilAsync(() => seen = turns.Wanted);

            Assert.True(seen);
            await Assert.ThrowsAsync<SqliteException>(() => begin);
            Assert.False(turns.Wanted);
            await held.RollbackAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task BatchBegin_WhileAnotherConnectionHoldsSqlitesWriteLock_IsNotWanted_BatchesDoNotQueueForEachOther()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var turns = host.Get<WriteTurns>();
        await using var holder = await host.DbAsync();
        var held = await holder.Database.BeginTransactionAsync();

        var begin = Task.Run(() => host.Get<TicketWrite>().BeginBatchAsync(default));
        await Task.Delay(100);
        Assert.False(begin.IsCompleted);
        Assert.False(turns.Wanted);
        await held.CommitAsync();

        await using var batch = await begin;
    }

    [Fact]
    public async Task ProcessPendingAsync_AWriteWaitingForAnotherLockAllTheWhile_StillProcessesEveryMail()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        });
        for (var n = 1; n <= 3; n++)
            await host.Get<InboundMailStore>().StoreAsync("test", $"uid-{n}",
                InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Mail {n}", $"Body {n}.").Bytes(), default);
        using var stuck = host.Get<WriteTurns>().Waiting();

        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var db = await host.DbAsync();
        Assert.Equal(["Mail 1", "Mail 2", "Mail 3"], await db.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Subject).ToListAsync());
    }
}
