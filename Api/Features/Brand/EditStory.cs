using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class EditStory
{
    /// <summary>Replaces title, text, level and images. An edit by someone who may not publish sends the story back for approval.</summary>
    public sealed record Request(string Title, string Body, Visibility? Visibility, IReadOnlyList<Guid>? ImageIds) : IStoryFields;

    public sealed class Validator : StoryFieldsValidator<Request>;

    public static async Task<Results<Ok<PostStory.Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        AppDbContext db,
        TextContentCheck check,
        AuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var story = await BrandRules.FindReadableAsync(db, new BrandViewer(current.Id, access), id, tracked: true, cancellationToken);
        if (story is null)
        {
            return Problems.NotFound();
        }

        var canPublish = BrandRules.CanPublish(access, story.UnitId);
        if (story.AuthorMemberId != current.Id && !canPublish)
        {
            return Problems.Forbidden("只有作者、支部书记或宣传委员可以修改事迹。");
        }

        // Images already on the story stay usable by whoever edits it; new ones must be the editor's own.
        var images = request.ImageIds ?? [];
        var added = images.Except(story.Images).ToList();
        if ((await BrandRules.CheckImagesAsync(db, added, current.Id, request.Visibility!.Value, cancellationToken)).Error is { } imageProblem)
        {
            return Problems.From(imageProblem);
        }

        // A story made public later must not show images that were uploaded as internal.
        if (request.Visibility == Visibility.Public && await db.Media.AnyAsync(m => images.Contains(m.Id) && m.Visibility != Visibility.Public, cancellationToken))
        {
            return Problems.BadRequest("图片级别不符", "公开的事迹只能使用公开的图片。");
        }

        var title = request.Title.Trim();
        var body = request.Body.Trim();
        var (verdict, problem) = await check.ScreenAsync(current.OpenId, title, [body], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var now = time.GetUtcNow();
        story.SetContent(title, body, request.Visibility.Value, images, now);
        if (verdict == ContentVerdict.Pass && canPublish)
        {
            story.Publish(now);
        }
        else
        {
            story.Hold();
        }

        audit.Record(story.UnitId, "story.edited", SubjectTypes.Story, story.Id, story.IsPublished ? $"修改事迹《{story.Title}》" : $"修改事迹《{story.Title}》，待审核");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("事迹已被修改", "该事迹刚刚被审核或修改，请刷新后重试。");
        }

        return TypedResults.Ok(new PostStory.Response(story.Id, story.Status));
    }
}
