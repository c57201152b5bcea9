using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Tickets;

internal sealed class TicketEntityTypeConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Ignore(t => t.Number);
        builder.Property(t => t.Subject).HasMaxLength(TicketRules.MaxSubjectLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Impact).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Source).HasMaxLength(100);
        builder.Property(t => t.SourceId).HasMaxLength(500);
        builder.HasIndex(t => t.SourceInboundId).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.RequestedBy).WithMany().HasForeignKey(t => t.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.RequestedFor).WithMany().HasForeignKey(t => t.RequestedForId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.CreatedBy).WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Department).WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Audit).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        // The list's default sort (UpdatedAt, then Id: the rowid every index ends with), alone and under its two plain filters.
        builder.HasIndex(t => t.UpdatedAt);
        builder.HasIndex(t => new { t.Status, t.UpdatedAt });
        builder.HasIndex(t => new { t.TeamId, t.UpdatedAt });
        builder.HasIndex(t => t.Subject);
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => new { t.Source, t.RequestedForId, t.CreatedAt });
        builder.Property(t => t.SupplierRequestId).HasMaxLength(200);
        builder.Property(t => t.ExternalSystem).HasMaxLength(300);
        builder.Property(t => t.ExternalNumber).HasMaxLength(100);
        builder.HasIndex(t => new { t.ExternalSystem, t.ExternalNumber });
        builder.Property(t => t.CompletionReason).HasMaxLength(32);
        builder.HasOne<ServiceCatalog.ServiceInstance>().WithMany().HasForeignKey(t => t.ServiceInstanceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ServiceCatalog.ConfigurationItem>().WithMany().HasForeignKey(t => t.ConfigurationItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Correspondence.HelpTopic>().WithMany().HasForeignKey(t => t.HelpTopicId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Correspondence.SlaPlan>().WithMany().HasForeignKey(t => t.SlaPlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(t => t.SupplierId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ChangesAndProblems.ChangeOrProblem>().WithMany().HasForeignKey(t => t.ChangeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ChangesAndProblems.ChangeOrProblem>().WithMany().HasForeignKey(t => t.ProblemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TicketAuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<TicketAuditEntry>
{
    public void Configure(EntityTypeBuilder<TicketAuditEntry> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Field).HasMaxLength(64);
        builder.HasIndex(a => new { a.TicketId, a.At });
    }
}
