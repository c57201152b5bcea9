using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Correspondence.LoginFailures;

internal sealed class LoginFailureEntityTypeConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.Property(f => f.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Key).HasMaxLength(260);
        builder.HasIndex(f => new { f.Scope, f.Key, f.At });
        builder.HasIndex(f => f.At);
    }
}

internal sealed class LoginAlertStateEntityTypeConfiguration : IEntityTypeConfiguration<LoginAlertState>
{
    public void Configure(EntityTypeBuilder<LoginAlertState> builder) => builder.Property(s => s.Id).ValueGeneratedNever();
}
