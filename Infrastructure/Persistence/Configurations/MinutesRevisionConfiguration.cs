using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MinutesRevisionConfiguration : IEntityTypeConfiguration<MinutesRevision>
{
    public void Configure(EntityTypeBuilder<MinutesRevision> builder)
    {
        builder.Property(r => r.Content).HasMaxLength(Minutes.ContentMaxLength).IsRequired();

        // Two editors saving at once cannot both become revision N.
        builder.HasIndex(r => new { r.MinutesId, r.Number }).IsUnique();
    }
}
