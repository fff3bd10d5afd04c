using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MemberStatusEventConfiguration : IEntityTypeConfiguration<MemberStatusEvent>
{
    public void Configure(EntityTypeBuilder<MemberStatusEvent> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(MemberStatusEvent.ReasonMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(e => e.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.RecordedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SmartBranch.Domain.Meetings.Resolution>().WithMany().HasForeignKey(e => e.ResolutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.MemberId, e.OccurredOn });
    }
}
