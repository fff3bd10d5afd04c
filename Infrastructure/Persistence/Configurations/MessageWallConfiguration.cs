using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MessageWallConfiguration : IEntityTypeConfiguration<MessageWall>
{
    public void Configure(EntityTypeBuilder<MessageWall> builder)
    {
        builder.Ignore(w => w.IsOpen);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(w => w.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(w => w.OpenedByMemberId).OnDelete(DeleteBehavior.Restrict);

        // One wall per meeting or activity.
        builder.HasIndex(w => new { w.TargetKind, w.TargetId }).IsUnique();
    }
}

internal sealed class WallMessageConfiguration : IEntityTypeConfiguration<WallMessage>
{
    public void Configure(EntityTypeBuilder<WallMessage> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(WallMessage.TextMaxLength).IsRequired();
        builder.Property(m => m.Status).IsConcurrencyToken();
        builder.HasOne<MessageWall>().WithMany().HasForeignKey(m => m.WallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.WallId, m.Status, m.DecidedAt });
    }
}
