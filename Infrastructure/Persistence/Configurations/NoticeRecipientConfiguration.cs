using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);

        // One row per member and notice, however often publication is attempted.
        builder.HasIndex(r => new { r.NoticeId, r.MemberId }).IsUnique();

        // A member's feed and unread badge.
        builder.HasIndex(r => new { r.MemberId, r.FirstReadAt });

        // The notices a member received, read from the index alone (the feed's first candidate set).
        builder.HasIndex(r => new { r.MemberId, r.NoticeId });
    }
}
