using Helpdesk.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.CaseLog;

internal sealed class CaseLogMentionEntityTypeConfiguration : IEntityTypeConfiguration<CaseLogMention>
{
    public void Configure(EntityTypeBuilder<CaseLogMention> builder)
    {
        builder.HasKey(m => new { m.EntryId, m.PersonId });
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasOne<CaseLogEntry>().WithMany(e => e.Mentions).HasForeignKey(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.PersonId);
    }
}
