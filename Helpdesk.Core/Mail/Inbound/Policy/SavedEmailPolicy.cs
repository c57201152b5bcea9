using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mail.Inbound.Policy;

/// <summary>The email policy an administrator saved; while there is none, configuration applies.</summary>
public sealed class SavedEmailPolicy
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public UnknownSenderPolicy UnknownSenders { get; set; }
}

internal sealed class SavedEmailPolicyEntityTypeConfiguration : IEntityTypeConfiguration<SavedEmailPolicy>
{
    public void Configure(EntityTypeBuilder<SavedEmailPolicy> builder) => builder.Property(p => p.Id).ValueGeneratedNever();
}
