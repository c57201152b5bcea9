using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.ChangesAndProblems;

internal sealed class ChangeOrProblemEntityTypeConfiguration : IEntityTypeConfiguration<ChangeOrProblem>
{
    public void Configure(EntityTypeBuilder<ChangeOrProblem> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Subject).HasMaxLength(ChangeOrProblemCommands.MaxSubjectLength);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.ManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
