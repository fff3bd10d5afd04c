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
    public sealed record Request(int? UnitId, string Title, string Body, Visibility? Visibility, IReadOnlyList<Guid>? ImageIds);

    /// <summary>
    /// <c>Published</c> when the secretary or publicity member (or an admin) posted text that passed the check;
    /// otherwise <c>PendingApproval</c>, invisible to others until the committee approves.
    /// </summary>
    public sealed record Response(int Id, StoryStatus Status);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("请填写标题。")
                .TrimmedMaximumLength(Story.TitleMaxLength).WithMessage($"标题不能超过{Story.TitleMaxLength}个字。");
            RuleFor(r => r.Body).NotEmpty().WithMessage("请填写事迹内容。")
                .MaximumLength(Story.BodyMaxLength).WithMessage($"事迹内容不能超过{Story.BodyMaxLength}个字。");
            RuleFor(r => r.Visibility).NotNull().WithMessage("请选择信息级别（公开或党内）。")
                .Must(v => v is null or Visibility.Public or Visibility.Internal).WithMessage("事迹只能是公开或党内级别。");
            RuleFor(r => r.ImageIds).Must(i => i is null || i.Count <= Story.MaxImages).WithMessage($"每篇事迹最多{Story.MaxImages}张图片。");
        }
    }

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        TextContentCheck check,
        AuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var unitId = request.UnitId ?? access.BranchId;
        var unit = access.CanView(unitId) ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) : null;
        if (unit is null)
        {
            return Problems.NotFound();
        }

        // A member writes for their own branch (or the general branch above it); committees for what they manage.
        if (!BrandRules.IsBrandUnit(unit) || !(access.BelongsTo(unitId) || access.CanManage(unitId)))
        {
            return Problems.Forbidden("只能为本支部（或所在党总支）投稿事迹。");
        }

        var images = request.ImageIds ?? [];
        if ((await BrandRules.CheckImagesAsync(db, images, current.Id, request.Visibility!.Value, cancellationToken)).Error is { } imageProblem)
        {
            return Problems.From(imageProblem);
        }

        var title = request.Title.Trim();
        var body = request.Body.Trim();
        var (verdict, problem) = await check.ScreenAsync(current.OpenId, title, [body], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var now = time.GetUtcNow();
        var generalBranchId = unit.Kind == UnitKind.GeneralBranch ? unit.Id : unit.ParentId!.Value;
        var story = new Story(unitId, generalBranchId, current.Id, title, body, request.Visibility.Value, images, now);
        if (verdict == ContentVerdict.Pass && BrandRules.CanPublish(access, unitId))
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
