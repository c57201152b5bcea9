using System.Collections.Concurrent;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace Helpdesk.Tests.Core.Tickets.Writing;

public sealed class TicketChangeNotifierTests
{
    [Fact]
    public async Task Subscribe_ManyConcurrentChanges_HearsEachCommittedRowOnce()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = caller.Id }, Actor.System);
        var heard = new ConcurrentQueue<TicketChanged>();
        using var _ = host.Get<ITicketChangeFeed>().Subscribe(c => { heard.Enqueue(c); return Task.CompletedTask; });
        var append = host.Get<AppendCaseLogEntryCommand>();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() =>
            append.ExecuteAsync(new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Private, Text = $"Note {i}" }, Actor.System))));
        await Eventually.WaitUntilAsync(() => heard.Count(c => c.Kind == TicketChangeKind.CaseLogAppended) >= 40);

        await using var db = await host.DbAsync();
        var rows = await db.Set<TicketChange>().Where(c => c.Kind == TicketChangeKind.CaseLogAppended).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        Assert.Equal(40, rows.Count);
        Assert.Equal(rows, heard.Where(c => c.Kind == TicketChangeKind.CaseLogAppended).Select(c => c.ChangeId).Order());
        // SQLite has one writer, so commit order is id order; PostgreSQL may commit a lower id later (ChangeLogGaps).
        if (host.Provider == DatabaseProvider.Sqlite) Assert.Equal(rows, heard.Where(c => c.Kind == TicketChangeKind.CaseLogAppended).Select(c => c.ChangeId));
    }

    [Fact]
    public async Task Subscribe_EverySubscriberHearsAChange_WithTheSameTimeItWasKnownCommitted()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var (first, second) = (new ConcurrentQueue<TicketChanged>(), new ConcurrentQueue<TicketChanged>());
        using var a = host.Get<ITicketChangeFeed>().Subscribe(c =>
        {
            first.Enqueue(c);
            if (c.Kind == TicketChangeKind.Created) host.Clock.Advance(TimeSpan.FromSeconds(1)); // the next subscriber hears it later
            return Task.CompletedTask;
        });
        using var b = host.Get<ITicketChangeFeed>().Subscribe(c => { second.Enqueue(c); return Task.CompletedTask; });
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        var beforeCommit = host.Clock.GetTimestamp();

        await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = caller.Id }, Actor.System);
        await Eventually.WaitUntilAsync(() => first.Any(c => c.Kind == TicketChangeKind.Created) && second.Any(c => c.Kind == TicketChangeKind.Created));

        var (heardFirst, heardSecond) = (first.First(c => c.Kind == TicketChangeKind.Created), second.First(c => c.Kind == TicketChangeKind.Created));
        Assert.True(heardFirst.KnownAt >= beforeCommit);
        Assert.Equal(heardFirst.KnownAt, heardSecond.KnownAt);
        Assert.True(heardSecond.KnownAt < host.Clock.GetTimestamp());
    }

    [Fact]
    public async Task Wake_RowsOlderThanADay_ArePruned()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Old", RequestedForId = caller.Id }, Actor.System);
        host.Clock.Advance(TicketChangeNotifier.KeepFor + TimeSpan.FromHours(2));

        var recent = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "New", RequestedForId = caller.Id }, Actor.System);

        List<int> left = [];
        await Eventually.WaitUntilAsync(() =>
        {
            using var db = host.DbAsync().GetAwaiter().GetResult();
            left = [.. db.Set<TicketChange>().Select(c => c.TicketId)];
            return left.Count == 1;
        });
        Assert.Equal([recent], left);
    }

    [Fact]
    public async Task Wake_TheNotifiersReadHeldUp_TheCommittingWriterDoesNotWaitForIt()
    {
        var hold = new ChangeLogReadHold();
        await using var host = await CoreTestHost.StartAsync(builder =>
            builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(hold), ServiceLifetime.Singleton));
        var caller = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var heard = new ConcurrentQueue<TicketChanged>();
        using var _ = host.Get<ITicketChangeFeed>().Subscribe(c => { heard.Enqueue(c); return Task.CompletedTask; });
        hold.Holding = true;

        var create = Task.Run(() => host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = caller.Id }, Actor.System));
        await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The guard only keeps a regression from hanging the run: the writer must finish while the read is still held.
        var ticketId = await create.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(heard);

        hold.Release.SetResult();
        await Eventually.WaitUntilAsync(() => heard.Any(c => c.TicketId == ticketId));
    }

    /// <summary>Holds the notifier's read of new change rows (on SQLite it completes synchronously on the calling thread).</summary>
    private sealed class ChangeLogReadHold : DbCommandInterceptor
    {
        public volatile bool Holding;
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private bool IsNewRowsRead(DbCommand command) =>
            Holding && command.CommandText.Contains("FROM \"TicketChange\"") && command.CommandText.Contains("ORDER BY");

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (IsNewRowsRead(command))
            {
                Reached.TrySetResult();
                Release.Task.Wait();
            }
            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsNewRowsRead(command))
            {
                Reached.TrySetResult();
                // Blocking, as SQLite's own "async" read does: a pump run inline holds the writer's thread.
                Release.Task.Wait(cancellationToken);
            }
            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
