using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Benchmarks;

public sealed class SqlCommandCountTests
{
    [Fact]
    public async Task Count_CommandsOnTheDatabase_CountedAndThoseOfAnotherDatabaseNot()
    {
        await using var counted = await CoreTestHost.StartAsync();
        await using var other = await CoreTestHost.StartAsync();
        await using var db = await counted.DbAsync();
        await using var otherDb = await other.DbAsync();
        using var commands = SqlCommandCount.Start(db.Database.GetDbConnection());

        await db.Set<Ticket>().CountAsync();
        await db.Set<Ticket>().AnyAsync();
        await otherDb.Set<Ticket>().CountAsync();

        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public async Task Dispose_CommandsAfterwards_NotCounted()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();
        var commands = SqlCommandCount.Start(db.Database.GetDbConnection());
        await db.Set<Ticket>().CountAsync();

        commands.Dispose();
        await db.Set<Ticket>().CountAsync();

        Assert.Equal(1, commands.Count);
    }
}
