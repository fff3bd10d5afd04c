using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class StoryCommentConfiguration : IEntityTypeConfiguration<StoryComment>
{
    public void Configure(EntityTypeBuilder<StoryComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(StoryComment.TextMaxLength).IsRequired();
        builder.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.StoryId, c.Id });
    }
}
