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
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (story, refusal) = await BrandRules.FindToChangeAsync(
            db, access, id, (a, s) => s.AuthorMemberId == a.MemberId || BrandRules.CanPublish(a, s.UnitId), "只有作者、支部书记或宣传委员可以修改事迹。", cancellationToken);
        if (story is null)
        {
            return Problems.From(refusal!);
        }

        var (content, contentRefusal) = await StoryContent.CheckAsync(request, story.Images, current, db, check, cancellationToken);
        if (content is null)
        {
            return Problems.From(contentRefusal!);
        }

        var now = time.GetUtcNow();
        story.SetContent(content.Title, content.Body, content.Visibility, content.Images, now);
        if (content.Verdict == ContentVerdict.Pass && BrandRules.CanPublish(access, story.UnitId))
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
