using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class StoryLikeConfiguration : IEntityTypeConfiguration<StoryLike>
{
    public void Configure(EntityTypeBuilder<StoryLike> builder)
    {
        builder.HasOne<Story>().WithMany().HasForeignKey(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);

        // A member likes a story once, however fast they tap.
        builder.HasIndex(l => new { l.StoryId, l.MemberId }).IsUnique();
    }
}
