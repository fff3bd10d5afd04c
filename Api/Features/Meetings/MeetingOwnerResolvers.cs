using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>A meeting's reminders belong to the unit that holds it (a branch, or a party group for group meetings).</summary>
internal sealed class MeetingOwnerResolver(AppDbContext db) : ISubjectOwnerResolver
{
    public string SubjectType => SubjectTypes.Meeting;

    public Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == subjectId).Select(m => (int?)m.UnitId).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>Leave-request messages (to the convener, and the decision to the member) belong to the meeting's unit.</summary>
internal sealed class LeaveRequestOwnerResolver(AppDbContext db) : ISubjectOwnerResolver
{
    public string SubjectType => SubjectTypes.LeaveRequest;

    public Task<int?> FindOwnerUnitIdAsync(int subjectId, CancellationToken cancellationToken) =>
        (from leave in db.LeaveRequests.AsNoTracking()
         join meeting in db.Meetings.AsNoTracking() on leave.MeetingId equals meeting.Id
         where leave.Id == subjectId
         select (int?)meeting.UnitId).FirstOrDefaultAsync(cancellationToken);
}
