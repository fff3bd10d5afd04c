using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class BrandProfileConfiguration : IEntityTypeConfiguration<BrandProfile>
{
    public void Configure(EntityTypeBuilder<BrandProfile> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(BrandProfile.NameMaxLength).IsRequired();
        builder.Property(b => b.Slogan).HasMaxLength(BrandProfile.SloganMaxLength);
        builder.Property(b => b.Labels).HasMaxLength((BrandProfile.LabelMaxLength + 1) * BrandProfile.MaxLabels).IsRequired();
        builder.Property(b => b.Introduction).HasMaxLength(BrandProfile.IntroductionMaxLength);
        builder.Property(b => b.ThemeColor).HasMaxLength(7).IsRequired();
        builder.Ignore(b => b.LabelList);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Cascade);

        // One brand per unit, even when two committee members save the first version at once.
        builder.HasIndex(b => b.UnitId).IsUnique();
    }
}
