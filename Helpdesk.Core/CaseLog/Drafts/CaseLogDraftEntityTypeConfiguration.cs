using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.CaseLog.Drafts;

internal sealed class CaseLogDraftEntityTypeConfiguration : IEntityTypeConfiguration<CaseLogDraft>
{
    public void Configure(EntityTypeBuilder<CaseLogDraft> builder)
    {
        builder.Property(d => d.Log).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.TicketId, d.AgentId, d.Log }).IsUnique();
        builder.OwnsMany(d => d.Files, f => f.ToJson());
        builder.OwnsMany(d => d.Mentions, m => m.ToJson());
    }
}
