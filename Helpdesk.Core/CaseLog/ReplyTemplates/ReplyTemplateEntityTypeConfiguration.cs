using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.CaseLog.ReplyTemplates;

internal sealed class ReplyTemplateEntityTypeConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ReplyTemplateCommands.MaxNameLength);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
