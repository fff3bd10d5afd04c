using SmartBranch.Api.Common.MiniProgramCodes;
using SmartBranch.Api.Features.Activities;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Brand;

public static class GetScreenCheckInCode
{
    /// <summary>
    /// The check-in code of the Public meeting or activity whose check-in is open now (<see cref="ScreenLive.CheckInWall"/>):
    /// the same rotating code the organiser's phone shows, valid for its minute and the one before. <c>scene</c> and
    /// <c>page</c> are what the mini-program code at <c>imageUrl</c> opens; <c>numericCode</c> is typed by those who cannot
    /// scan. Ask again at <c>expiresAt</c>. Scanning checks the member in with the meeting's or activity's own rules.
    /// </summary>
    public sealed record Response(string Kind, int Id, string Title, string NumericCode, string Scene, string Page, DateTimeOffset ExpiresAt, string ImageUrl);

    /// <summary>200 with the code; 204 when no Public meeting or activity of the screen is open for check-in; 404 for an unknown or revoked token.</summary>
    public static async Task<Results<Ok<Response>, NoContent, ProblemHttpResult>> Handle(
        string token,
        HttpContext context,
        AppDbContext db,
        IOptions<ActivityOptions> activityOptions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (scope, current, now) = await FindAsync(token, context, db, activityOptions.Value, time, cancellationToken);
        if (scope is null)
        {
            return ScreenScope.Unknown;
        }

        if (current is null)
        {
            return TypedResults.NoContent();
        }

        var code = ScreenLive.Issue(current, now);
        return TypedResults.Ok(new Response(
            current.Kind == TargetKind.Meeting ? "meeting" : "activity",
            current.Id,
            current.Title,
            code.NumericCode,
            code.Scene,
            PageOf(current, activityOptions.Value),
            code.ExpiresAt,
            $"/screen/{Uri.EscapeDataString(token)}/check-in-code/image?t={code.ExpiresAt.ToUnixTimeSeconds()}"));
    }

    /// <summary>
    /// The mini-program code (PNG) of the current scene; <c>t</c> only defeats caches. 404 for an unknown token or when
    /// nothing is open for check-in; WeChat's failures as ProblemDetails (503 with Retry-After when transient).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleImage(
        string token,
        HttpContext context,
        AppDbContext db,
        MiniProgramCodeImages codes,
        IOptions<ActivityOptions> activityOptions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (scope, current, now) = await FindAsync(token, context, db, activityOptions.Value, time, cancellationToken);
        if (scope is null)
        {
            return ScreenScope.Unknown;
        }

        if (current is null)
        {
            return Problems.NotFound("当前没有正在签到的公开会议或活动。");
        }

        var image = await codes.GetAsync(ScreenLive.Issue(current, now).Scene, PageOf(current, activityOptions.Value), cancellationToken);
        return image.Succeeded
            ? TypedResults.File(image.Value!, "image/png")
            : WeChatProblems.For(context, image.Error, "生成签到码图片失败，请稍后重试，或使用数字签到码。");
    }

    private static async Task<(ScreenScope? Scope, ScreenLive.Current? Current, DateTimeOffset Now)> FindAsync(
        string token, HttpContext context, AppDbContext db, ActivityOptions activityOptions, TimeProvider time, CancellationToken cancellationToken)
    {
        var scope = await ScreenScope.ForRequestAsync(context, db, token, cancellationToken);
        var now = time.GetUtcNow();
        return (scope, scope is null ? null : await ScreenLive.FindCurrentAsync(db, scope, activityOptions, now, cancellationToken), now);
    }

    private static string PageOf(ScreenLive.Current current, ActivityOptions activityOptions) =>
        current.Kind == TargetKind.Meeting ? GetMeetingCheckInCode.CheckInPage : activityOptions.CheckInPage;
}
