using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ShareOpenConfiguration : IEntityTypeConfiguration<ShareOpen>
{
    public void Configure(EntityTypeBuilder<ShareOpen> builder)
    {
        builder.Property(o => o.ShareId).HasMaxLength(Share.IdLength).IsRequired();
        builder.Property(o => o.OpenerKey).HasMaxLength(ShareOpen.OpenerKeyMaxLength).IsRequired();
        builder.HasOne<Share>().WithMany().HasForeignKey(o => o.ShareId).OnDelete(DeleteBehavior.Cascade);

        // Each opener counts once per share, even when the page is opened twice at the same moment.
        builder.HasIndex(o => new { o.ShareId, o.OpenerKey }).IsUnique();
    }
}
