using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Notifications;

internal sealed class TriggerEntityTypeConfiguration : IEntityTypeConfiguration<Trigger>
{
    public void Configure(EntityTypeBuilder<Trigger> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.TargetClass).HasMaxLength(64);
        builder.Property(t => t.LogAttribute).HasMaxLength(32);
        builder.Property(t => t.Filter).HasMaxLength(2000);
        builder.HasMany(t => t.Actions).WithMany(a => a.Triggers).UsingEntity(j => j.ToTable("TriggerActions"));
        builder.HasIndex(t => t.Kind);
    }
}

internal sealed class EmailActionEntityTypeConfiguration : IEntityTypeConfiguration<EmailAction>
{
    public void Configure(EntityTypeBuilder<EmailAction> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TestRecipient).HasMaxLength(320);
        builder.Property(a => a.From).HasMaxLength(320);
        builder.Property(a => a.ReplyTo).HasMaxLength(320);
        builder.Property(a => a.To).HasMaxLength(2000);
        builder.Property(a => a.Cc).HasMaxLength(2000);
        builder.Property(a => a.Bcc).HasMaxLength(2000);
        builder.Property(a => a.SubjectTemplate).HasMaxLength(1000);
    }
}
