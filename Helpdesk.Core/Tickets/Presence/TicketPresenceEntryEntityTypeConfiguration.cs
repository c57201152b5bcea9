using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Tickets.Presence;

internal sealed class TicketPresenceEntryEntityTypeConfiguration : IEntityTypeConfiguration<TicketPresenceEntry>
{
    public void Configure(EntityTypeBuilder<TicketPresenceEntry> builder)
    {
        builder.HasKey(e => e.SessionId);
        builder.Property(e => e.SessionId).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.TypingIn).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Instance).HasMaxLength(200);
        builder.HasIndex(e => e.TicketId);
    }
}
