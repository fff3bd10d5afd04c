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
        RuleFor(r => r.Title).NotEmpty().WithMessage("请填写标题。")
            .TrimmedMaximumLength(Story.TitleMaxLength).WithMessage($"标题不能超过{Story.TitleMaxLength}个字。");
        RuleFor(r => r.Body).NotEmpty().WithMessage("请填写事迹内容。")
            .MaximumLength(Story.BodyMaxLength).WithMessage($"事迹内容不能超过{Story.BodyMaxLength}个字。");
        RuleFor(r => r.Visibility).NotNull().WithMessage("请选择信息级别（公开或党内）。")
            .Must(v => v is null or Visibility.Public or Visibility.Internal).WithMessage("事迹只能是公开或党内级别。");
        RuleFor(r => r.ImageIds).Must(i => i is null || i.Count <= Story.MaxImages).WithMessage($"每篇事迹最多{Story.MaxImages}张图片。");
    }
}
