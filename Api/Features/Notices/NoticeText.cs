using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A title and body ready to store, and what the text check said about them.</summary>
internal sealed record PreparedText(string Title, string Body, ContentVerdict Verdict);

/// <summary>
/// The path every notice text takes before it is stored, when posted and when edited: sanitise the body,
/// refuse classification markings, then WeChat's text check. Refusals come back as domain errors (400; 422 for the text policy) and
/// nothing is stored.
/// </summary>
internal static class NoticeText
{
    public static async Task<Result<PreparedText>> PrepareAsync(
        string title,
        string body,
        string posterOpenId,
        TextContentCheck check,
        CancellationToken cancellationToken)
    {
        var cleanTitle = title.Trim();
        var html = RichTextHtml.Sanitize(body);
        if (!RichTextHtml.HasContent(html))
        {
            return new DomainError("notice.body_empty", "正文在去除不支持的格式后没有内容，请输入通知正文。", ErrorKind.Invalid, "正文不能为空");
        }

        if (html.Length > Notice.BodyMaxLength)
        {
            return new DomainError("notice.body_too_long", $"正文不能超过{Notice.BodyMaxLength}个字符（含格式）。", ErrorKind.Invalid, "正文过长");
        }

        var (verdict, refusal) = await check.ScreenAsync(posterOpenId, cleanTitle, [RichTextHtml.ToPlainText(html)], cancellationToken);
        return refusal ?? (Result<PreparedText>)new PreparedText(cleanTitle, html, verdict);
    }
}
