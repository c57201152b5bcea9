using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.People;

internal sealed class PersonEntityTypeConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PrimaryEmail).HasMaxLength(320).UseCollation("NOCASE");
        builder.HasIndex(p => p.PrimaryEmail).IsUnique();
        builder.HasIndex(p => p.Name);
        builder.Property(p => p.Roles).HasConversion<string>().HasMaxLength(200);
        builder.HasMany(p => p.OtherEmails).WithOne().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PersonEmailEntityTypeConfiguration : IEntityTypeConfiguration<PersonEmail>
{
    public void Configure(EntityTypeBuilder<PersonEmail> builder)
    {
        builder.Property(e => e.Address).HasMaxLength(320).UseCollation("NOCASE");
        builder.HasIndex(e => e.Address).IsUnique();
    }
}
