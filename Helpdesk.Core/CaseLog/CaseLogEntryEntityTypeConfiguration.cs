using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.CaseLog;

internal sealed class CaseLogEntryEntityTypeConfiguration : IEntityTypeConfiguration<CaseLogEntry>
{
    public void Configure(EntityTypeBuilder<CaseLogEntry> builder)
    {
        builder.Property(e => e.Log).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Origin).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.AuthorName).HasMaxLength(200);
        builder.HasOne<Ticket>().WithMany(t => t.CaseLog).HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TicketId, e.Log, e.CreatedAt });
        builder.Property(e => e.SourceMessageId).HasMaxLength(500);
        builder.HasIndex(e => e.SourceMessageId);
        builder.HasIndex(e => new { e.TicketId, e.SourceInboundId }).IsUnique();
        builder.HasIndex(e => e.HtmlVersion);
        // A person's entries, found when their address changes (the search index holds each entry's author address).
        builder.HasIndex(e => e.AuthorId);
    }
}
