using SmartBranch.Api.Common.ContentSecurity;

namespace SmartBranch.Api.Features.Brand;

/// <summary>
/// The path a story's text takes before it is stored, when posted and when edited: refuse classification
/// markings, then WeChat's text check (as notices). Risky text is refused and nothing is stored.
/// </summary>
internal static class StoryText
{
    public static async Task<(ContentVerdict Verdict, ProblemHttpResult? Problem)> CheckAsync(string title, string body, string openId, TextContentCheck check, CancellationToken cancellationToken)
    {
        var screening = await check.ScreenAsync(openId, title, [body], cancellationToken);
        return (screening.Verdict, screening.Refusal);
    }
}
