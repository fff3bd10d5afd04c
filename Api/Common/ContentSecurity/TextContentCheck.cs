using SmartBranch.Api.Common.Telemetry;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Common.ContentSecurity;

/// <summary>What happens to user text (notices, stories, comments) after WeChat's text check.</summary>
public enum ContentVerdict
{
    Pass,
    Review,
    Risky,

    /// <summary>The check could not be done: the text waits for a person, it is never published unchecked.</summary>
    Unavailable,
}

/// <summary>What a verdict adds to the audit entry of the text it was given on.</summary>
public static class ContentVerdicts
{
    /// <summary>What an audit entry adds for text stored without a plain pass: "" for a pass.</summary>
    public static string AuditNote(this ContentVerdict verdict) => verdict switch
    {
        ContentVerdict.Review => "（内容安全检测：需人工复核）",
        ContentVerdict.Unavailable => "（内容安全检测未完成）",
        _ => string.Empty,
    };
}

/// <summary>
/// The one text policy for everything members write that others will see (notices, stories, comments,
/// meeting topics and agendas, activity titles and descriptions, minutes, resolutions, cancellation
/// reasons, brand texts):
/// <see cref="ScreenAsync"/> refuses classification markings (涉密, Domain/README.md) and runs WeChat's msgSecCheck
/// v2; risky text is refused (422), nothing stored. What a "review" or "unavailable" verdict does is the
/// caller's: text with an approval step (notices, stories) is held for it; the others record the verdict.
/// </summary>
public sealed class TextContentCheck(WeChatClient weChat, AppMetrics metrics, ILogger<TextContentCheck> logger)
{
    /// <summary>
    /// Screens <paramref name="title"/> and <paramref name="texts"/> (empty or null parts are skipped):
    /// a classification marking or a risky verdict is refused (<see cref="ErrorKind.Unprocessable"/>, 422 through
    /// <c>Problems.From</c>); otherwise the verdict.
    /// </summary>
    public async Task<Result<ContentVerdict>> ScreenAsync(string posterOpenId, string title, IReadOnlyList<string?> texts, CancellationToken cancellationToken)
    {
        var classified = Classification.Check([title, .. texts]);
        if (!classified.Succeeded)
        {
            return classified.Error! with { Kind = ErrorKind.Unprocessable, Title = "内容涉及密级标识" };
        }

        var body = string.Join('\n', texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (string.IsNullOrWhiteSpace(title) && body.Length == 0)
        {
            // Nothing written (an optional reason left empty): nothing to check.
            return ContentVerdict.Pass;
        }

        var verdict = await CheckAsync(posterOpenId, title, body, cancellationToken);
        return verdict == ContentVerdict.Risky
            ? DomainError.Unprocessable("content.risky", "内容未通过安全检测", "填写的内容含有不适宜发布的内容，未能通过微信内容安全检测。请修改后重新提交。")
            : verdict;
    }

    /// <summary>msgSecCheck v2 alone (no marking check), in pieces WeChat accepts, cut between whole characters.</summary>
    public async Task<ContentVerdict> CheckAsync(string posterOpenId, string title, string plainText, CancellationToken cancellationToken)
    {
        var verdict = await JudgeAsync(posterOpenId, title, plainText, cancellationToken);
        metrics.ContentChecked(verdict.ToString().ToLowerInvariant());
        return verdict;
    }

    private async Task<ContentVerdict> JudgeAsync(string posterOpenId, string title, string plainText, CancellationToken cancellationToken)
    {
        var verdict = ContentVerdict.Pass;
        foreach (var piece in TextCut.Pieces($"{title}\n{plainText}", WeChatContentSecurity.MaxContentLength))
        {
            var result = await weChat.CheckTextAsync(posterOpenId, piece, title, cancellationToken);
            var pieceVerdict = !result.Succeeded ? ContentVerdict.Unavailable
                : result.Value switch
                {
                    TextCheckSuggestion.Pass => ContentVerdict.Pass,
                    TextCheckSuggestion.Review => ContentVerdict.Review,
                    _ => ContentVerdict.Risky,
                };
            if (!result.Succeeded)
            {
                logger.LogWarning("Text check failed with errcode {ErrCode}; the text is held for approval", result.ErrCode);
            }

            if (pieceVerdict == ContentVerdict.Risky)
            {
                return ContentVerdict.Risky;
            }

            // Unavailable outranks Review: the approver should know the text was never checked.
            verdict = (ContentVerdict)Math.Max((int)verdict, (int)pieceVerdict);
        }

        return verdict;
    }
}
