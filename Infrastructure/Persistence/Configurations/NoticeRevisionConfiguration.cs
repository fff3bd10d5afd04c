using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class NoticeRevisionConfiguration : IEntityTypeConfiguration<NoticeRevision>
{
    public void Configure(EntityTypeBuilder<NoticeRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Notice.TitleMaxLength).IsRequired();
        builder.Property(r => r.Body).HasMaxLength(Notice.BodyMaxLength).IsRequired();
        builder.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.NoticeId, r.Version }).IsUnique();
    }
}
