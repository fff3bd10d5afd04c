using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

/// <summary>The fields a member fills in when posting or editing a story.</summary>
public interface IStoryFields
{
    string Title { get; }

    string Body { get; }

    /// <summary>Public or Internal; required so a forgotten level never makes a story public.</summary>
    Visibility? Visibility { get; }

    /// <summary>Ids from <c>POST /api/media</c>, in display order.</summary>
    IReadOnlyList<Guid>? ImageIds { get; }
}

/// <summary>Shape checks shared by posting and editing a story (limits from <see cref="Story"/>).</summary>
public abstract class StoryFieldsValidator<T> : AbstractValidator<T>
    where T : IStoryFields
{
    protected StoryFieldsValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("请填写标题。").VisibleText().WithMessage("请填写标题。")
            .TrimmedMaximumLength(Story.TitleMaxLength).WithMessage($"标题不能超过{Story.TitleMaxLength}个字。");
        RuleFor(r => r.Body).NotEmpty().WithMessage("请填写事迹内容。")
            .MaximumLength(Story.BodyMaxLength).WithMessage($"事迹内容不能超过{Story.BodyMaxLength}个字。");
        RuleFor(r => r.Visibility).NotNull().WithMessage("请选择信息级别（公开或党内）。")
            .Must(v => v is null or Visibility.Public or Visibility.Internal).WithMessage("事迹只能是公开或党内级别。");
        RuleFor(r => r.ImageIds).Must(i => i is null || i.Count <= Story.MaxImages).WithMessage($"每篇事迹最多{Story.MaxImages}张图片。");
    }
}

/// <summary>A story's content once it passed the checks, with the text policy's verdict (a "review" holds the story for approval).</summary>
internal sealed record CheckedStoryContent(string Title, string Body, Visibility Visibility, IReadOnlyList<Guid> Images, ContentVerdict Verdict);

/// <summary>The checks a story's content passes when it is posted or edited.</summary>
internal static class StoryContent
{
    /// <summary>
    /// Images not in <paramref name="keptImages"/> (those already on the story stay usable by whoever edits it) must
    /// be the writer's own uploads (<see cref="BrandRules.CheckImagesAsync"/>); a public story shows only public
    /// images, including kept ones, since a story made public later must not show images uploaded as internal.
    /// Then title and text go through the shared text policy (422 risky or classified, 503 unreachable).
    /// </summary>
    public static async Task<Result<CheckedStoryContent>> CheckAsync(
        IStoryFields request, IReadOnlyCollection<Guid> keptImages, CurrentMember writer, AppDbContext db, TextContentCheck check, CancellationToken cancellationToken)
    {
        var images = request.ImageIds ?? [];
        var visibility = request.Visibility!.Value;
        var added = images.Except(keptImages).ToList();
        if ((await BrandRules.CheckImagesAsync(db, added, writer.Id, visibility, cancellationToken)).Error is { } imageProblem)
        {
            return imageProblem;
        }

        if (keptImages.Count > 0 && visibility == Visibility.Public
            && await db.Media.AnyAsync(m => images.Contains(m.Id) && m.Visibility != Visibility.Public, cancellationToken))
        {
            return BrandRules.NotPublicImages;
        }

        var title = request.Title.Trim();
        var body = request.Body.Trim();
        var (verdict, refusal) = await check.ScreenAsync(writer.OpenId, title, [body], cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return new CheckedStoryContent(title, body, visibility, images, verdict);
    }
}
