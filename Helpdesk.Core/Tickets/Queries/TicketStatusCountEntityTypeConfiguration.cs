using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Tickets.Queries;

internal sealed class TicketStatusCountEntityTypeConfiguration : IEntityTypeConfiguration<TicketStatusCount>
{
    public void Configure(EntityTypeBuilder<TicketStatusCount> builder)
    {
        builder.HasKey(c => new { c.TeamId, c.Status });
        builder.Property(c => c.TeamId).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
    }
}
