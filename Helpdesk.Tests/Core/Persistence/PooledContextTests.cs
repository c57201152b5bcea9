using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Helpdesk.Tests.Core.Persistence;

/// <summary>
/// Contexts come from a pool: one that a writer changed (TicketWrite turns savepoints off, TrackedRows change detection)
/// comes back to the next user as a new context would be.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task CreateDbContext_AfterAUserChangedItsSettings_GivesTheSameContextWithDefaultSettingsAndNothingTracked()
    {
        await using var host = await CoreTestHost.StartAsync();
        Assert.IsType<PooledDbContextFactory<HelpdeskDbContext>>(host.Get<IDbContextFactory<HelpdeskDbContext>>());
        // A pool of its own, with the app's options: the host's workers take contexts from the app's pool meanwhile.
        var factory = new PooledDbContextFactory<HelpdeskDbContext>(host.Get<DbContextOptions<HelpdeskDbContext>>());
        HelpdeskDbContext first;
        await using (var db = first = await factory.CreateDbContextAsync())
        {
            db.Database.AutoSavepointsEnabled = false;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            db.Add(new Person { Name = "Never Saved", PrimaryEmail = "never@customer.test" });
        }

        await using var next = await factory.CreateDbContextAsync();

        Assert.Same(first, next);
        Assert.True(next.Database.AutoSavepointsEnabled);
        Assert.True(next.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Equal(QueryTrackingBehavior.TrackAll, next.ChangeTracker.QueryTrackingBehavior);
        Assert.Empty(next.ChangeTracker.Entries());
        Assert.False(await next.Set<Person>().AnyAsync(p => p.PrimaryEmail == "never@customer.test"));
    }
}
