using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("Media");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ContentType).HasMaxLength(MediaItem.ContentTypeMaxLength).IsRequired();
        builder.Property(m => m.StorageKey).HasMaxLength(MediaItem.StorageKeyMaxLength).IsRequired();
        builder.Property(m => m.CheckTraceId).HasMaxLength(MediaItem.TraceIdMaxLength);
        builder.Property(m => m.AccessKey).HasMaxLength(MediaItem.AccessKeyLength).IsRequired();
        builder.Property(m => m.CheckSuggest).HasMaxLength(20);

        // The wxa_media_check event names the check by trace_id only.
        builder.HasIndex(m => m.CheckTraceId).IsUnique().HasFilter("[CheckTraceId] IS NOT NULL");
    }
}
