using SmartBranch.Api.Common.Telemetry;
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

/// <summary>
/// Runs a title and text (a notice, a story, a comment) through msgSecCheck v2, in pieces WeChat accepts.
/// Shared by every feature that publishes what members write.
/// </summary>
public sealed class TextContentCheck(WeChatClient weChat, AppMetrics metrics, ILogger<TextContentCheck> logger)
{
    public async Task<ContentVerdict> CheckAsync(string posterOpenId, string title, string plainText, CancellationToken cancellationToken)
    {
        var verdict = await JudgeAsync(posterOpenId, title, plainText, cancellationToken);
        metrics.ContentChecked(verdict.ToString().ToLowerInvariant());
        return verdict;
    }

    private async Task<ContentVerdict> JudgeAsync(string posterOpenId, string title, string plainText, CancellationToken cancellationToken)
    {
        var content = $"{title}\n{plainText}";
        var verdict = ContentVerdict.Pass;
        for (var start = 0; start < content.Length; start += WeChatContentSecurity.MaxContentLength)
        {
            var piece = content.Substring(start, Math.Min(WeChatContentSecurity.MaxContentLength, content.Length - start));
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
