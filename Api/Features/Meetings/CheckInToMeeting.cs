using SmartBranch.Api.Features.Brand;
using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>How someone's attendance was recorded.</summary>
public sealed record AttendanceView(int MeetingId, int MemberId, AttendanceStatus Status, string StatusName, DateTimeOffset? CheckedInAt);

public static class CheckInToMeeting
{
    /// <summary>The scanned scene, the token in it, or the six-digit code.</summary>
    public sealed record Request(string Code);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().WithMessage("请输入签到码。").MaximumLength(64);
    }

    public static async Task<Results<Ok<AttendanceView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        IOptions<MeetingOptions> options,
        ScreenSignals screens,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(db, access, id, tracked: true, cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        if (!meeting.IsCheckInOpen(now))
        {
            return Problems.Conflict("不在签到时间", meeting.IsCancelled ? "会议已取消。" : "签到在会议开始前1小时开放，会议结束后关闭。");
        }

        if (!CheckInCodes.Verify(MeetingCheckIn.Prefix, meeting.Id, meeting.CheckInSecret, request.Code, now))
        {
            return Problems.BadRequest("签到码无效", "签到码无效或已过期，请重新扫描现场的签到码。");
        }

        var (attendee, error) = meeting.CheckIn(current.Id, now, options.Value.LateGrace);
        if (error is not null)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(cancellationToken);
        screens.Changed(meeting.UnitId, meeting.BranchId);
        return TypedResults.Ok(new AttendanceView(meeting.Id, current.Id, attendee!.Status!.Value, attendee.Status.Value.DisplayName(), attendee.CheckedInAt));
    }
}
