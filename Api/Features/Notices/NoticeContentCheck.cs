using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Notices;

/// <summary>What happens to a notice after WeChat's text check.</summary>
public enum ContentVerdict
{
    Pass,
    Review,
    Risky,

    /// <summary>The check could not be done: the notice waits for a person, it is never published unchecked.</summary>
    Unavailable,
}

/// <summary>Runs a notice's title and text through msgSecCheck v2, in pieces WeChat accepts.</summary>
public sealed class NoticeContentCheck(WeChatClient weChat, ILogger<NoticeContentCheck> logger)
{
    public async Task<ContentVerdict> CheckAsync(string posterOpenId, string title, string plainText, CancellationToken cancellationToken)
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
                logger.LogWarning("Notice text check failed with errcode {ErrCode}; the notice is held for approval", result.ErrCode);
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
