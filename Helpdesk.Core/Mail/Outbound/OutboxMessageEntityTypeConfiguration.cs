using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mail.Outbound;

internal sealed class OutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(255);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // A round that lost its claim (it outlived the lease and another took the row over) must not write the row.
        builder.Property(m => m.ClaimToken).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(m => m.ClaimToken);
        builder.HasIndex(m => m.TicketId);
        builder.HasIndex(m => m.CaseLogEntryId);
        builder.Property(m => m.Attachments).HasConversion<OutboxAttachmentsJson, OutboxAttachmentsComparer>();
        // Claims and results rewrite the row two or three times per mail; the large, write-once parts live beside it,
        // so on SQLite those updates do not rewrite ~10 KB of overflow pages each time. Read only with the whole mail.
        // A key shared by two tables loses SQLite's AUTOINCREMENT by convention; the main table keeps it (ids never reused).
        builder.Property(m => m.Id).UseAutoincrement();
        builder.SplitToTable(OutboxMessage.BodyTable, body =>
        {
            body.Property(m => m.TextBody);
            body.Property(m => m.HtmlBody);
            body.Property(m => m.RecipientReasons);
            body.Property(m => m.Attachments);
        });
    }
}
