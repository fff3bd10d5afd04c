using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class ApproveStory
{
    /// <summary>The branch committee (or an admin above it) publishes a submitted story; nobody approves their own.</summary>
    public static async Task<Results<Ok<PostStory.Response>, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (story, refusal) = await BrandRules.FindToChangeAsync(
            db, access, id, (a, s) => BrandRules.CanApprove(a, s.UnitId), "只有支部委员或党总支管理员可以审核事迹。", cancellationToken);
        if (story is null)
        {
            return Problems.From(refusal!);
        }

        if (story.AuthorMemberId == current.Id)
        {
            return Problems.Conflict("不能审核自己的事迹", "请由其他支委或党总支管理员审核。");
        }

        var outcome = story.Approve(current.Id, time.GetUtcNow());
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Error!);
        }

        audit.Record(story.UnitId, "story.approved", SubjectTypes.Story, story.Id, $"审核通过事迹《{story.Title}》");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("事迹已被处理", "该事迹刚刚被审核或修改，请刷新后重试。");
        }

        return TypedResults.Ok(new PostStory.Response(story.Id, StoryStatus.Published));
    }
}
