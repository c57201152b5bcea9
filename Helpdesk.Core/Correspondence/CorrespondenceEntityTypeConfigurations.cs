using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Correspondence;

internal sealed class HelpTopicEntityTypeConfiguration : IEntityTypeConfiguration<HelpTopic>
{
    public void Configure(EntityTypeBuilder<HelpTopic> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne<Departments.Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AgentGroupEntityTypeConfiguration : IEntityTypeConfiguration<AgentGroup>
{
    public void Configure(EntityTypeBuilder<AgentGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasMany(g => g.Members).WithMany().UsingEntity(j => j.ToTable("AgentGroupMembers"));
        builder.HasMany(g => g.Departments).WithMany().UsingEntity(j => j.ToTable("AgentGroupDepartments"));
    }
}

internal sealed class TicketCollaboratorEntityTypeConfiguration : IEntityTypeConfiguration<TicketCollaborator>
{
    public void Configure(EntityTypeBuilder<TicketCollaborator> builder)
    {
        builder.HasKey(c => new { c.TicketId, c.PersonId });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaPlanEntityTypeConfiguration : IEntityTypeConfiguration<SlaPlan>
{
    public void Configure(EntityTypeBuilder<SlaPlan> builder) => builder.Property(p => p.Name).HasMaxLength(200);
}

internal sealed class MessageTemplateEntityTypeConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(t => t.Kind).IsUnique();
        builder.Property(t => t.Subject).HasMaxLength(1000);
    }
}

internal sealed class SystemAlertLogEntityTypeConfiguration : IEntityTypeConfiguration<SystemAlertLog>
{
    public void Configure(EntityTypeBuilder<SystemAlertLog> builder)
    {
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(200);
    }
}

internal sealed class SavedCorrespondenceSwitchesEntityTypeConfiguration : IEntityTypeConfiguration<SavedCorrespondenceSwitches>
{
    public void Configure(EntityTypeBuilder<SavedCorrespondenceSwitches> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.AdminEmail).HasMaxLength(320);
    }
}

internal sealed class SavedAlertSwitchEntityTypeConfiguration : IEntityTypeConfiguration<SavedAlertSwitch>
{
    public void Configure(EntityTypeBuilder<SavedAlertSwitch> builder)
    {
        builder.HasKey(a => a.Kind);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Recipients).HasMaxLength(500);
    }
}
