using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// The path a story's text takes before it is stored, when posted and when edited: refuse classification
/// markings, then WeChat's text check (as notices). Risky text is refused and nothing is stored.
/// </summary>
internal static class StoryText
{
    public static async Task<(ContentVerdict Verdict, ProblemHttpResult? Problem)> CheckAsync(string title, string body, string openId, TextContentCheck check, CancellationToken cancellationToken)
    {
        var classified = Classification.Check(title, body);
        if (!classified.Succeeded)
        {
            return (ContentVerdict.Risky, Problems.Unprocessable("内容涉及密级标识", classified.Error!.Message));
        }

        var verdict = await check.CheckAsync(openId, title, body, cancellationToken);
        return verdict == ContentVerdict.Risky
            ? (verdict, Problems.Unprocessable("内容未通过安全检测", "标题或正文含有不适宜发布的内容，未能通过微信内容安全检测。请修改后重新提交。"))
            : (verdict, null);
    }
}
