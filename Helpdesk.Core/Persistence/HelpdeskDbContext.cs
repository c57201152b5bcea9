using Helpdesk.Core.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

/// <remarks>Migrations, for both providers at once: <c>bash scripts/add-migration.sh &lt;Name&gt;</c>.</remarks>
public sealed class HelpdeskDbContext(DbContextOptions<HelpdeskDbContext> options) : IdentityDbContext<HelpdeskUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring on PostgreSQL, shared by every instance; SQLite keeps its keys in the data folder.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HelpdeskDbContext).Assembly);
        builder.Entity<HelpdeskUser>().HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<HelpdeskUser>().HasIndex(u => u.PersonId).IsUnique();
        builder.Entity<DataProtectionKey>();
        if (Database.IsNpgsql()) CaseInsensitiveColumns.UseCitextForNocase(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
