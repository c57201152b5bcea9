using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class TrackedRowsTests
{
    [Fact]
    public async Task Unchanged_ReadRow_IsGivenUntilItIsEditedInMemory()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await SavePersonAsync(host, "Ada");
        await using var db = await host.DbAsync();
        var read = await db.Set<Person>().SingleAsync(p => p.Id == id);

        Assert.Same(read, db.Unchanged<Person>(id));
        read.Name = "Ada Lovelace"; // not saved, not yet detected by EF
        Assert.Null(db.Unchanged<Person>(id));
        Assert.Null(db.Unchanged<Person>(id + 1000)); // never read
    }

    [Fact]
    public async Task Saved_RowsReadOrSaved_IncludesEditedOnesButNotNewOnes()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await SavePersonAsync(host, "Grace");
        await using var db = await host.DbAsync();
        var read = await db.Set<Person>().SingleAsync(p => p.Id == id);
        read.Name = "Grace Hopper";
        db.Add(new Person { Name = "Not saved", PrimaryEmail = "new@example.test" });

        Assert.Equal([read], db.Saved<Person>());
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled); // left as it was
    }

    private static async Task<int> SavePersonAsync(CoreTestHost host, string name)
    {
        await using var db = await host.DbAsync();
        var person = new Person { Name = name, PrimaryEmail = $"{name.ToLowerInvariant()}@example.test" };
        db.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }
}
