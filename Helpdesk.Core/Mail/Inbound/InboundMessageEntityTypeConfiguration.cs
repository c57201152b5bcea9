using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mail.Inbound;

internal sealed class InboundMessageEntityTypeConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.Property(m => m.Mailbox).HasMaxLength(100);
        builder.Property(m => m.ServerId).HasMaxLength(300);
        builder.Property(m => m.MessageId).HasMaxLength(500);
        builder.Property(m => m.RawSha256).HasMaxLength(64);
        builder.Property(m => m.From).HasMaxLength(500);
        builder.Property(m => m.SenderAddress).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(1000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        // Not unique: senders reuse Message-IDs for different mails; a repeat of the same bytes is found by RawSha256.
        builder.HasIndex(m => m.MessageId);
        builder.HasIndex(m => m.RawSha256);
        builder.HasIndex(m => new { m.Mailbox, m.ServerId }).IsUnique();
        builder.HasIndex(m => m.Status);
        builder.Property(m => m.ClaimToken).HasMaxLength(32);
        builder.HasIndex(m => m.ClaimToken);
        builder.HasIndex(m => new { m.SenderAddress, m.ReceivedAt });
    }
}
