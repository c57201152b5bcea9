using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Tickets.Views;

public sealed class SavedTicketViewEntityTypeConfiguration : IEntityTypeConfiguration<SavedTicketView>
{
    public void Configure(EntityTypeBuilder<SavedTicketView> builder)
    {
        builder.ToTable("TicketViews");
        builder.Property(v => v.Name).HasMaxLength(SavedTicketViewRules.MaxNameLength);
        builder.HasIndex(v => v.Name).IsUnique();
        builder.Property(v => v.Text).HasMaxLength(SavedTicketViewRules.MaxTextLength);
        builder.PrimitiveCollection(v => v.Statuses).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(v => v.Columns).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(v => v.AudienceTeamIds);
        builder.Property(v => v.Assignee).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Impact).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Sort).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.AudienceRoles).HasConversion<string>().HasMaxLength(200);
    }
}
