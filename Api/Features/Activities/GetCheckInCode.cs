using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Common.MiniProgramCodes;
using SmartBranch.Domain.Common;

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
        var (code, refusal) = await IssueAsync(id, db, current, time, cancellationToken);
        return refusal is not null ? Problems.From(refusal) : TypedResults.Ok(
            new Response(code!.Scene, code.NumericCode, code.ExpiresAt, $"/api/activities/{id}/check-in-code/image"));
    }

    /// <summary>The mini-program code image (PNG) for the current scene.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleImage(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, MiniProgramCodeImages codes,
        IOptions<ActivityOptions> options, HttpContext context, CancellationToken cancellationToken)
    {
        var (code, refusal) = await IssueAsync(id, db, current, time, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var image = await codes.GetAsync(code!.Scene, options.Value.CheckInPage, cancellationToken);
        if (!image.Succeeded)
        {
            return WeChatProblems.For(context, image.Error, "生成签到码图片失败，请稍后重试，或使用数字签到码。");
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(image.Value!, "image/png");
    }

    private static async Task<Result<CheckInCode>> IssueAsync(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (view, refusal) = await ActivityAccess.LoadManagedAsync(db, id, access, "只有活动组织单位的支委或管理员可以出示签到码。", cancellationToken);
        if (view is null)
        {
            return refusal!;
        }

        if (view.Activity.IsCancelled)
        {
            return DomainError.Conflict("activity.cancelled", "活动已取消，无需签到。");
        }

        return CheckInCodes.Issue(Prefix, id, view.Activity.CheckInSecret, time.GetUtcNow());
    }
}
