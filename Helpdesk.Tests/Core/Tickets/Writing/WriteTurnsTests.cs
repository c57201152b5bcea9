using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Writing;

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
        var turns = host.Get<WriteTurns>();
        await using var holder = await host.DbAsync();
        var held = await holder.Database.BeginTransactionAsync();

        var append = Task.Run(() => host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Private, Text = "Checked the toner" }, Actor.System));
        await Eventually.WaitUntilAsync(() => turns.Wanted);
        Assert.True(turns.Wanted);
        Assert.False(append.IsCompleted);
        await held.CommitAsync();

        await append;
        Assert.False(turns.Wanted);
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
