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
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Mailbox, m.ServerId }).IsUnique();
        builder.HasIndex(m => m.Status);
        builder.HasIndex(m => new { m.SenderAddress, m.ReceivedAt });
    }
}
