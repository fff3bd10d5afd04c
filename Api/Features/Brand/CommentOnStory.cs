using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Brand;

namespace SmartBranch.Api.Features.Brand;

public static class CommentOnStory
{
    public sealed record Request(string Text);

    public sealed record Response(long Id, string Text, DateTimeOffset CreatedAt, int CommentCount);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写评论内容。")
                .TrimmedMaximumLength(StoryComment.TextMaxLength).WithMessage($"评论不能超过{StoryComment.TextMaxLength}个字。");
        }
    }

    /// <summary>
    /// Comments on a published story. The text goes through the shared text policy first: a classification
    /// marking or "risky" is 422; only a "pass" is stored (comments have no approval queue), so "review" is
    /// 422 too and an unreachable check is 503.
    /// </summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        HttpContext context,
        CurrentMember current,
        AppDbContext db,
        TextContentCheck check,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if ((await BrandRules.FindPublishedAsync(db, current, id, "评论", cancellationToken)).Error is { } unavailable)
        {
            return Problems.From(unavailable);
        }

        var text = request.Text.Trim();
        var (verdict, refusal) = await check.ScreenAsync(current.OpenId, string.Empty, [text], cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        switch (verdict)
        {
            case ContentVerdict.Review:
                return Problems.Unprocessable("评论未通过安全检测", "评论含有不适宜发布的内容，未能通过微信内容安全检测。请修改后重新提交。");
            case ContentVerdict.Unavailable:
                return Problems.Unavailable(context, "内容安全检测暂不可用，评论未发布，请稍后再试。", 30);
        }

        var comment = new StoryComment(id, current.Id, text, time.GetUtcNow());
        db.StoryComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);

        // Recounted in the database, so concurrent comments never overwrite each other's count.
        await db.Stories.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CommentCount, s => db.StoryComments.Count(c => c.StoryId == s.Id)), cancellationToken);
        var count = await db.Stories.Where(s => s.Id == id).Select(s => s.CommentCount).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/stories/{id}", new Response(comment.Id, comment.Text, comment.CreatedAt, count));
    }
}
