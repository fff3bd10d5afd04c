using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Appraisals;

public static class WriteSelfAppraisal
{
    public sealed record Request(string Text);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写自我评价。")
                .TrimmedMaximumLength(AppraisedMember.SelfAppraisalMaxLength).WithMessage($"自我评价不能超过{AppraisedMember.SelfAppraisalMaxLength}个字。");
    }

    /// <summary>An appraised member writes (or rewrites) their self-appraisal while the round is open. Errors: 404, 403 (not appraised), 409 (closed), 422.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (round, refusal) = await AppraisalAccess.FindAsync(db, access, id, tracked: true, mustRun: false, cancellationToken);
        if (round is null)
        {
            return Problems.From(refusal!);
        }

        var mine = round.Appraised.FirstOrDefault(a => a.MemberId == access.MemberId);
        if (mine is null)
        {
            return Problems.Forbidden("只有被评议的党员可以填写自我评价。");
        }

        if (!round.IsOpen)
        {
            return Problems.Conflict("评议已结束", "评议已经结束，不能再修改自我评价。");
        }

        var text = request.Text.Trim();
        var (_, problem) = await check.ScreenAsync(current.OpenId, "自我评价", [text], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        mine.WriteSelfAppraisal(text);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
