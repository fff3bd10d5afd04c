using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ScreenLinkConfiguration : IEntityTypeConfiguration<ScreenLink>
{
    public void Configure(EntityTypeBuilder<ScreenLink> builder)
    {
        builder.Property(l => l.Token).HasMaxLength(ScreenLink.TokenMaxLength).IsRequired();
        builder.Property(l => l.Label).HasMaxLength(ScreenLink.LabelMaxLength);
        builder.Ignore(l => l.IsActive);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.Token).IsUnique();
    }
}
