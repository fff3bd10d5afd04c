using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    public void Configure(EntityTypeBuilder<LeaveRequest> builder)
    {
        builder.Property(l => l.Reason).HasMaxLength(LeaveRequest.ReasonMaxLength).IsRequired();
        builder.Property(l => l.DecisionNote).HasMaxLength(LeaveRequest.NoteMaxLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);

        // One request per member and meeting, however often the button is tapped.
        builder.HasIndex(l => new { l.MeetingId, l.MemberId }).IsUnique();
    }
}
