using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Leases;

internal sealed class LeaseHolderEntityTypeConfiguration : IEntityTypeConfiguration<LeaseHolder>
{
    public void Configure(EntityTypeBuilder<LeaseHolder> builder)
    {
        builder.HasKey(h => h.Resource);
        builder.Property(h => h.Resource).HasMaxLength(200);
        builder.Property(h => h.Instance).HasMaxLength(200);
    }
}
