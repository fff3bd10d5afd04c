using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class StoryViewConfiguration : IEntityTypeConfiguration<StoryView>
{
    public void Configure(EntityTypeBuilder<StoryView> builder)
    {
        builder.HasOne<Story>().WithMany().HasForeignKey(v => v.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Cascade);

        // Only the first view of each member counts for attention.
        builder.HasIndex(v => new { v.StoryId, v.MemberId }).IsUnique();
    }
}
