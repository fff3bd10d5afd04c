using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MeetingCadenceConfiguration : IEntityTypeConfiguration<MeetingCadence>
{
    public void Configure(EntityTypeBuilder<MeetingCadence> builder)
    {
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(c => c.BranchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.BranchId, c.Type }).IsUnique();
    }
}
