using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Domain.Common;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Activities;

public static class GetCheckInCode
{
    /// <summary>
    /// The code the organiser shows. <c>scene</c> goes into the mini-program code at <c>imageUrl</c> (fetch it
    /// with the session token); <c>numericCode</c> is for members who cannot scan. Both rotate every minute.
    /// </summary>
    public sealed record Response(string Scene, string NumericCode, DateTimeOffset ExpiresAt, string ImageUrl);

    public const string Prefix = "a";

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var (code, problem) = await IssueAsync(id, db, current, time, cancellationToken);
        return problem ?? (Results<Ok<Response>, ProblemHttpResult>)TypedResults.Ok(
            new Response(code!.Scene, code.NumericCode, code.ExpiresAt, $"/api/activities/{id}/check-in-code/image"));
    }

    /// <summary>The mini-program code image (PNG) for the current scene.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleImage(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, WeChatClient weChat,
        IOptions<ActivityOptions> options, HttpContext context, CancellationToken cancellationToken)
    {
        var (code, problem) = await IssueAsync(id, db, current, time, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var image = await weChat.GetMiniProgramCodeAsync(code!.Scene, options.Value.CheckInPage, cancellationToken);
        if (!image.Succeeded)
        {
            return WeChatProblems.For(context, image.Error, "生成签到码图片失败，请稍后重试，或使用数字签到码。");
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(image.Value!, "image/png");
    }

    private static async Task<(CheckInCode? Code, ProblemHttpResult? Problem)> IssueAsync(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (view, refusal) = await ActivityAccess.LoadManagedAsync(db, id, access, "只有活动组织单位的支委或管理员可以出示签到码。", cancellationToken);
        if (view is null)
        {
            return (null, Problems.From(refusal!));
        }

        if (view.Activity.IsCancelled)
        {
            return (null, Problems.From(DomainError.Conflict("activity.cancelled", "活动已取消，无需签到。")));
        }

        return (CheckInCodes.Issue(Prefix, id, view.Activity.CheckInSecret, time.GetUtcNow()), null);
    }
}
