using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

internal sealed class MailboxEntityTypeConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(100).UseCollation("NOCASE");
        builder.HasIndex(m => m.Name).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Security).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Host).HasMaxLength(255);
        builder.Property(m => m.UserName).HasMaxLength(320);
        builder.Property(m => m.ProtectedPassword).HasMaxLength(4000);
        builder.Property(m => m.Folder).HasMaxLength(500);
        builder.HasOne<Correspondence.HelpTopic>().WithMany().HasForeignKey(m => m.DefaultHelpTopicId).OnDelete(DeleteBehavior.SetNull);
    }
}
