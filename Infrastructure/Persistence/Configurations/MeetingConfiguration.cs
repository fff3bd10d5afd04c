using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Topic).HasMaxLength(Meeting.TopicMaxLength).IsRequired();
        builder.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(Meeting.OnlineLinkMaxLength);
        builder.Property(m => m.Agenda).HasMaxLength(Meeting.AgendaMaxLength);
        builder.Property(m => m.CancelReason).HasMaxLength(Meeting.CancelReasonMaxLength);
        builder.Property(m => m.CheckInSecret).HasMaxLength(Meeting.SecretMaxLength).IsRequired();
        builder.Ignore(m => m.IsCancelled);
        builder.Ignore(m => m.HasAttendanceRecorded);

        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.ConvenerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.RecorderId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Compliance and lists: a branch's meetings by time.
        builder.HasIndex(m => new { m.BranchId, m.StartsAt });
        builder.HasIndex(m => new { m.UnitId, m.StartsAt });

        // The compliance report's meetings held and each branch's latest meeting: the branches' scheduled meetings
        // in a period, without reading every scheduled meeting of the organisation (QueryPlanTests).
        builder.HasIndex(m => new { m.BranchId, m.Status, m.StartsAt });

        // The meetings list (upcoming meetings a member may see: attendee, own units or public) cannot use the
        // unit index through its OR; it reads the scheduled meetings that have not ended (QueryPlanTests).
        builder.HasIndex(m => new { m.Status, m.EndsAt });
    }
}
