using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ShareConfiguration : IEntityTypeConfiguration<Share>
{
    public void Configure(EntityTypeBuilder<Share> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(Share.IdLength).ValueGeneratedNever();
        builder.Property(s => s.SubjectType).HasMaxLength(Share.SubjectTypeMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.SharerMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.UnitId, s.CreatedAt });
        builder.HasIndex(s => new { s.SubjectType, s.SubjectId });
    }
}
