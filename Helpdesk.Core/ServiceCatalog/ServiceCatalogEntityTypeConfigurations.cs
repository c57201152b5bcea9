using Helpdesk.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.ServiceCatalog;

internal sealed class ServiceInstanceEntityTypeConfiguration : IEntityTypeConfiguration<ServiceInstance>
{
    public void Configure(EntityTypeBuilder<ServiceInstance> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasOne(s => s.FirstLineTeam).WithMany().HasForeignKey(s => s.FirstLineTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.SupportTeam).WithMany().HasForeignKey(s => s.SupportTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Correspondence.SlaPlan>().WithMany().HasForeignKey(s => s.SlaPlanId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ConfigurationItemEntityTypeConfiguration : IEntityTypeConfiguration<ConfigurationItem>
{
    public void Configure(EntityTypeBuilder<ConfigurationItem> builder)
    {
        builder.Property(c => c.Label).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(c => c.Label).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Source).HasMaxLength(100);
        builder.Property(c => c.SourceId).HasMaxLength(200);
        builder.HasIndex(c => new { c.Source, c.SourceId });
        builder.HasOne(c => c.ServiceInstance).WithMany().HasForeignKey(c => c.ServiceInstanceId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RequestTemplateEntityTypeConfiguration : IEntityTypeConfiguration<RequestTemplate>
{
    public void Configure(EntityTypeBuilder<RequestTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Subject).HasMaxLength(250);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Impact).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ServiceInstance>().WithMany().HasForeignKey(t => t.ServiceInstanceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(t => t.ChangeManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SupportAgreementEntityTypeConfiguration : IEntityTypeConfiguration<SupportAgreement>
{
    public void Configure(EntityTypeBuilder<SupportAgreement> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasOne(a => a.CustomerOrganization).WithMany().HasForeignKey(a => a.CustomerOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.ServiceDeskTeam).WithMany().HasForeignKey(a => a.ServiceDeskTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Correspondence.SlaPlan>().WithMany().HasForeignKey(a => a.SlaPlanId).OnDelete(DeleteBehavior.SetNull);
    }
}
