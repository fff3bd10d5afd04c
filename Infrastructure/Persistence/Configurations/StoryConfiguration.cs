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
