using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

public static class PostStory
{
    /// <summary>
    /// A story with text and images. <c>unitId</c> defaults to the caller's branch. <c>imageIds</c> are ids from
    /// <c>POST /api/media</c>, in display order. <c>visibility</c> is Public (may be shared outside the
    /// organisation) or Internal.
    /// </summary>
    public sealed record Request(int? UnitId, string Title, string Body, Visibility? Visibility, IReadOnlyList<Guid>? ImageIds) : IStoryFields;

    /// <summary>
    /// <c>Published</c> when the secretary or publicity member (or an admin) posted text that passed the check;
    /// otherwise <c>PendingApproval</c>, invisible to others until the committee approves.
    /// </summary>
    public sealed record Response(int Id, StoryStatus Status);

    public sealed class Validator : StoryFieldsValidator<Request>;

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var unitId = request.UnitId ?? access.BranchId;
        var unit = access.CanView(unitId) ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) : null;
        if (unit is null)
        {
            return Problems.NotFound("未找到该党组织，或您无权查看。");
        }

        // A member writes for their own branch (or the general branch above it); committees for what they manage.
        if (!BrandRules.IsBrandUnit(unit) || !(access.BelongsTo(unitId) || access.CanManage(unitId)))
        {
            return Problems.Forbidden("只能为本支部（或所在党总支）投稿事迹。");
        }

        var (content, refusal) = await StoryContent.CheckAsync(request, [], current, db, check, cancellationToken);
        if (content is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var generalBranchId = unit.Kind == UnitKind.GeneralBranch ? unit.Id : unit.ParentId!.Value;
        var story = new Story(unitId, generalBranchId, current.Id, content.Title, content.Body, content.Visibility, content.Images, now);
        if (content.Verdict == ContentVerdict.Pass && BrandRules.CanPublish(access, unitId))
        {
            story.Publish(now);
        }

        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(unitId, story.IsPublished ? "story.published" : "story.submitted", SubjectTypes.Story, story.Id,
            story.IsPublished ? $"发布事迹《{story.Title}》" : $"提交事迹《{story.Title}》，待审核");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/stories/{story.Id}", new Response(story.Id, story.Status));
    }
}
