using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notice.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength).IsRequired();
        // Approve, edit and withdraw race each other: the second writer must see what the first did.
        builder.Property(n => n.Status).IsConcurrencyToken();
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasMany(n => n.Recipients).WithOne().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(n => n.IsEdited);
        builder.Ignore(n => n.IsPublished);
        builder.Ignore(n => n.HasBeenPublished);
        builder.Ignore(n => n.Audience);

        // Always loaded with the notice: approving or re-publishing resolves it, and it is a handful of rows.
        builder.HasMany(n => n.AudienceEntries).WithOne().HasForeignKey(e => e.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.AudienceEntries).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(n => n.GeneralBranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);

        // The feed's order: pinned first, newest next, id as the tie-breaker.
        builder.HasIndex(n => new { n.Status, n.Pinned, n.PublishedAt, n.Id });
        // The general branch's public notices in the feed (without it every notice of the general branch is read).
        builder.HasIndex(n => new { n.GeneralBranchId, n.Visibility, n.Status });
        // Pending notices of a unit, and the latest published one per unit (the inactivity signal).
        builder.HasIndex(n => new { n.UnitId, n.Status, n.PublishedAt });
    }
}

internal sealed class NoticeAudienceEntryConfiguration : IEntityTypeConfiguration<NoticeAudienceEntry>
{
    public void Configure(EntityTypeBuilder<NoticeAudienceEntry> builder)
    {
        AudienceEntryMapping.Configure(builder, "NoticeAudience", e => e.NoticeId);
    }
}
