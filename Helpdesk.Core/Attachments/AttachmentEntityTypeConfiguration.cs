using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Attachments;

internal sealed class AttachmentEntityTypeConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(255);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.ContentId).HasMaxLength(255);
        builder.HasOne<Ticket>().WithMany(t => t.Attachments).HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseLogEntry>().WithMany(e => e.Attachments).HasForeignKey(a => a.CaseLogEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.Sha256);
    }
}
