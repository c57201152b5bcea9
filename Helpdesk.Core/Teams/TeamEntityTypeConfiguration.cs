using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Teams;

internal sealed class TeamEntityTypeConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.InboundLocalPart).HasMaxLength(64).UseCollation("NOCASE");
        builder.HasIndex(t => t.InboundLocalPart).IsUnique();
        builder.HasOne(t => t.Department).WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Correspondence.HelpTopic>().WithMany().HasForeignKey(t => t.DefaultHelpTopicId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Lead).WithMany().HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Members).WithMany(p => p.Teams).UsingEntity(j => j.ToTable("TeamMembers"));
    }
}
