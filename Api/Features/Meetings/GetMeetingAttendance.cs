using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class GetMeetingAttendance
{
    /// <summary>One expected attendee: vote, attendance (absent once the meeting has started without a record) and leave.</summary>
    public sealed record Attendee(int MemberId, string Name, string Number, bool HasVote, AttendanceStatus? Status, string? StatusName, DateTimeOffset? CheckedInAt, LeaveView? Leave);

    /// <summary>The roll call with its totals and, for general and committee meetings, the quorum.</summary>
    public sealed record Response(
        int MeetingId,
        int Expected,
        int Voters,
        int Present,
        int Late,
        int OnLeave,
        int Absent,
        int PendingLeaveRequests,
        QuorumView? Quorum,
        IReadOnlyList<Attendee> Attendees);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(
            db, access, id, tracked: false, MeetingAccess.CanWriteMinutes, "只有会议召集人、记录人或支委才能查看出勤情况。", cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var memberIds = meeting.Attendees.Select(a => a.MemberId).ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new { m.Name, m.Number }, cancellationToken);
        var leaves = await db.LeaveRequests.AsNoTracking().Where(l => l.MeetingId == id).ToDictionaryAsync(l => l.MemberId, cancellationToken);
        var rows = meeting.Attendees
            .Select(a =>
            {
                var status = a.EffectiveStatus(meeting, now);
                return new Attendee(
                    a.MemberId,
                    members[a.MemberId].Name,
                    members[a.MemberId].Number,
                    a.HasVote,
                    status,
                    status?.DisplayName(),
                    a.CheckedInAt,
                    leaves.TryGetValue(a.MemberId, out var leave) ? MeetingViews.Leave(leave) : null);
            })
            .OrderBy(a => a.Status ?? AttendanceStatus.Absent)
            .ThenBy(a => a.Number, StringComparer.Ordinal)
            .ToList();

        return TypedResults.Ok(new Response(
            meeting.Id,
            rows.Count,
            rows.Count(r => r.HasVote),
            rows.Count(r => r.Status == AttendanceStatus.Present),
            rows.Count(r => r.Status == AttendanceStatus.Late),
            rows.Count(r => r.Status == AttendanceStatus.OnLeave),
            rows.Count(r => r.Status == AttendanceStatus.Absent),
            leaves.Values.Count(l => l.Status == LeaveStatus.Pending),
            MeetingViews.Quorum(meeting),
            rows));
    }
}
