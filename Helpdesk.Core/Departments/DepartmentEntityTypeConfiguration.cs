using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Departments;

internal sealed class DepartmentEntityTypeConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(d => d.Name).IsUnique();
        builder.HasOne(d => d.Manager).WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.DisabledAlertRecipients).HasMaxLength(500);
        builder.Property(d => d.Recipients).HasConversion<string>().HasMaxLength(32);
        builder.HasMany(d => d.Members).WithMany(p => p.Departments).UsingEntity(j => j.ToTable("DepartmentMembers"));
    }
}
