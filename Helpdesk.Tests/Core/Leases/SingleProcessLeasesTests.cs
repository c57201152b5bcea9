using Helpdesk.Core.Leases;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Leases;

/// <summary>SQLite is one process per data folder: every lease is granted, every sweep runs, the lease table stays untouched.</summary>
public sealed class SingleProcessLeasesTests
{
    [Fact]
    public async Task TryTakeAsync_OnSqlite_AlwaysGrantedNeverLostAndNothingWritten()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var leases = host.Get<IWorkLeases>();

        await using var first = await leases.TryTakeAsync(LeaseResource.Mailbox("Support"), default);
        var holders = await leases.MailboxHoldersAsync(default);

        Assert.IsType<SingleProcessLeases>(leases);
        Assert.NotNull(first);
        Assert.False(first.Lost.CanBeCanceled);
        Assert.Equal("mailbox:Support", Assert.Single(holders).Resource);
        await using var db = await host.DbAsync();
        Assert.Equal(0, await db.Set<LeaseHolder>().CountAsync());
    }

    [Fact]
    public async Task MailboxHoldersAsync_LeaseReleased_NoLongerListed()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var leases = host.Get<IWorkLeases>();

        await (await leases.TryTakeAsync(LeaseResource.Mailbox("Support"), default))!.DisposeAsync();

        Assert.Empty(await leases.MailboxHoldersAsync(default));
    }

    [Fact]
    public async Task RunOnceAsync_OnSqlite_RunsEveryTime()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var leases = host.Get<IWorkLeases>();
        var runs = 0;

        for (var i = 0; i < 3; i++)
            Assert.True(await leases.RunOnceAsync("overdue", TimeSpan.FromMinutes(1), _ => Task.FromResult(++runs), default));

        Assert.Equal(3, runs);
    }
}
