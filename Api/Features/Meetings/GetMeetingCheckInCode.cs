using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Common.MiniProgramCodes;

namespace SmartBranch.Api.Features.Meetings;

public static class GetMeetingCheckInCode
{
    /// <summary>The page the mini-program code opens; the scene carries the meeting and the rotating token.</summary>
    public const string CheckInPage = MiniProgramPages.MeetingCheckIn;

    /// <summary>
    /// The code to show at the meeting: a mini-program code image (PNG, base64; null when WeChat could not
    /// make one right now) and a six-digit code to type. Both rotate every minute; ask again before <c>expiresAt</c>.
    /// </summary>
    public sealed record Response(string NumericCode, string Scene, string Page, DateTimeOffset ExpiresAt, string? ImageBase64);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        MiniProgramCodeImages codes,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (meeting, refusal) = await MeetingAccess.FindAsync(
            db, access, id, tracked: false, MeetingAccess.CanOrganize, "只有会议召集人或支委才能出示签到码。", cancellationToken);
        if (meeting is null)
        {
            return Problems.From(refusal!);
        }

        if (meeting.IsCancelled)
        {
            return Problems.Conflict("会议已取消", "会议已取消，无需签到。");
        }

        var code = CheckInCodes.Issue(MeetingCheckIn.Prefix, meeting.Id, meeting.CheckInSecret, time.GetUtcNow());
        var image = await codes.GetAsync(code.Scene, CheckInPage, cancellationToken);
        return TypedResults.Ok(new Response(code.NumericCode, code.Scene, CheckInPage, code.ExpiresAt, image.Succeeded ? Convert.ToBase64String(image.Value!) : null));
    }
}

internal static class MeetingCheckIn
{
    /// <summary>Scene prefix of meeting check-in codes (activities use "a").</summary>
    public const string Prefix = "m";
}
