using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.Ignore(e => e.IsActive);
        builder.Ignore(e => e.IsCheckedIn);
        builder.HasOne<Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);

        // One sign-up per member and activity, whatever races.
        builder.HasIndex(e => new { e.ActivityId, e.MemberId }).IsUnique();

        // The waiting list in ticket order.
        builder.HasIndex(e => new { e.ActivityId, e.Status, e.WaitlistTicket });
        builder.HasIndex(e => new { e.MemberId, e.Status });
    }
}
