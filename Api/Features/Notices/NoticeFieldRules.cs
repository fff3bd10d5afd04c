using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>Shape checks for the text of a notice, shared by posting and editing it.</summary>
internal static class NoticeFieldRules
{
    public static IRuleBuilderOptions<T, string> NoticeTitle<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("请填写标题。")
            .VisibleText().WithMessage("请填写标题。")
            .TrimmedMaximumLength(Notice.TitleMaxLength).WithMessage($"标题不能超过{Notice.TitleMaxLength}个字。");

    public static IRuleBuilderOptions<T, string> NoticeBody<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("请填写正文。")
            .MaximumLength(Notice.BodyMaxLength).WithMessage($"正文不能超过{Notice.BodyMaxLength}个字符（含格式）。");

    /// <summary>Classified content must never be posted here; the poster confirms it each time.</summary>
    public static IRuleBuilderOptions<T, bool> ConfirmedNotClassified<T>(this IRuleBuilder<T, bool> rule) =>
        rule.Equal(true).WithMessage("请确认通知内容不涉及国家秘密（涉密信息不得在本系统发布）。");
}
