using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

internal sealed class ImapMailboxStateEntityTypeConfiguration : IEntityTypeConfiguration<ImapMailboxState>
{
    public void Configure(EntityTypeBuilder<ImapMailboxState> builder)
    {
        builder.HasKey(s => s.Mailbox);
        builder.Property(s => s.Mailbox).HasMaxLength(100);
    }
}
