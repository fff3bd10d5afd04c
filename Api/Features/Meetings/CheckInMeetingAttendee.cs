using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class CheckInMeetingAttendee
{
    /// <summary>
    /// What to record; without <c>status</c> the person is checked in now (present, or late after the grace
    /// period). Organisers may also correct a record to Present, Late, OnLeave or Absent. OnLeave can be recorded at any
    /// time; the rest only once check-in has opened, an hour before the start (409 <c>meeting.check_in_not_open</c>
    /// before that, so a meeting that has not taken place never counts as held).
    /// </summary>
    public sealed record Request(AttendanceStatus? Status);

    public static async Task<Results<Ok<AttendanceView>, ProblemHttpResult>> Handle(
        int id,
        int memberId,
        Request? request,
        IOptions<MeetingOptions> options,
        ScreenSignals screens,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(
            db, access, id, tracked: true, MeetingAccess.CanOrganize, "只有会议召集人、支委或党小组长才能代为签到。", cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        if (meeting.Find(memberId) is null)
        {
            return Problems.NotFound("该党员不在本次会议的应到人员中。");
        }

        var now = time.GetUtcNow();
        var (attendee, error) = request?.Status is { } status
            ? meeting.RecordAttendance(memberId, status, now)
            : meeting.CheckIn(memberId, now, options.Value.LateGrace);
        if (error is not null)
        {
            return Problems.From(error);
        }

        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).SingleAsync(cancellationToken);
        audit.Record(meeting.BranchId, "meeting.attendance_recorded", SubjectTypes.Meeting, meeting.Id,
            $"「{meeting.Topic}」登记{name}：{attendee!.Status!.Value.DisplayName()}");
        await db.SaveChangesAsync(cancellationToken);
        screens.Changed(meeting.UnitId, meeting.BranchId);
        return TypedResults.Ok(new AttendanceView(meeting.Id, memberId, attendee.Status.Value, attendee.Status.Value.DisplayName(), attendee.CheckedInAt));
    }
}
