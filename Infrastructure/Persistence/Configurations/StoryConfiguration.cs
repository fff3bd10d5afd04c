using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Story.TitleMaxLength).IsRequired();
        builder.Property(s => s.Body).HasMaxLength(Story.BodyMaxLength).IsRequired();
        builder.Property(s => s.ImageIds).HasMaxLength(40 * Story.MaxImages).IsRequired();
        builder.Ignore(s => s.IsPublished);
        builder.Ignore(s => s.Images);
        // Approve and edit race each other; counters are bumped by concurrent likes and comments.
        builder.Property(s => s.Status).IsConcurrencyToken();
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(s => s.GeneralBranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);

        // The feed: newest published first per unit.
        builder.HasIndex(s => new { s.UnitId, s.Status, s.PublishedAt, s.Id });
        builder.HasIndex(s => new { s.GeneralBranchId, s.Status, s.Visibility });
    }
}

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
