using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A title and body ready to store, and what the text check said about them.</summary>
internal sealed record PreparedText(string Title, string Body, ContentVerdict Verdict);

/// <summary>
/// The path every notice text takes before it is stored, when posted and when edited: sanitise the body,
/// refuse classification markings, then WeChat's text check. Refusals come back as ProblemDetails and
/// nothing is stored.
/// </summary>
internal static class NoticeText
{
    public static async Task<(PreparedText? Text, ProblemHttpResult? Problem)> PrepareAsync(
        string title,
        string body,
        string posterOpenId,
        TextContentCheck check,
        CancellationToken cancellationToken)
    {
        var cleanTitle = title.Trim();
        var html = NoticeHtml.Sanitize(body);
        if (!NoticeHtml.HasContent(html))
        {
            return (null, Problems.BadRequest("正文不能为空", "正文在去除不支持的格式后没有内容，请输入通知正文。"));
        }

        if (html.Length > Notice.BodyMaxLength)
        {
            return (null, Problems.BadRequest("正文过长", $"正文不能超过{Notice.BodyMaxLength}个字符（含格式）。"));
        }

        var (verdict, refusal) = await check.ScreenAsync(posterOpenId, cleanTitle, [NoticeHtml.ToPlainText(html)], cancellationToken);
        return refusal is not null ? (null, refusal) : (new PreparedText(cleanTitle, html, verdict), null);
    }
}
