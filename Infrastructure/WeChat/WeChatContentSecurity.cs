namespace SmartBranch.Infrastructure.WeChat;

/// <summary>WeChat's verdict on a text (msgSecCheck v2 result.suggest).</summary>
public enum TextCheckSuggestion
{
    Pass,
    Review,
    Risky,
}

/// <summary>msgSecCheck v2 (Infrastructure/WeChat/README.md §7a): WeChat's text check for user-generated content.</summary>
public static class WeChatContentSecurity
{
    /// <summary>msgSecCheck accepts at most this many characters per call.</summary>
    public const int MaxContentLength = 2500;

    /// <summary>Scene 2 (comment) is the one WeChat recommends for posted text.</summary>
    public const int CommentScene = 2;

    /// <summary>
    /// Checks <paramref name="content"/> written by <paramref name="openId"/>. A non-zero errcode (busy after
    /// retries, unreachable, 61010 "author inactive for 2 hours", …) comes back as a failed result; callers
    /// must treat that as "not checked", never as "pass".
    /// </summary>
    public static async Task<WeChatResult<TextCheckSuggestion>> CheckTextAsync(this WeChatClient client, string openId, string content, string? title, CancellationToken cancellationToken)
    {
        var body = new MsgSecCheckRequest(content, 2, CommentScene, openId, title);
        var result = await client.PostWithTokenAsync<MsgSecCheckResponse>("wxa/msg_sec_check", body, cancellationToken);
        if (!result.Succeeded)
        {
            return result.CastError<TextCheckSuggestion>();
        }

        return result.Value!.Result?.Suggest switch
        {
            "pass" => WeChatResult<TextCheckSuggestion>.Ok(TextCheckSuggestion.Pass),
            "review" => WeChatResult<TextCheckSuggestion>.Ok(TextCheckSuggestion.Review),
            "risky" => WeChatResult<TextCheckSuggestion>.Ok(TextCheckSuggestion.Risky),

            // An answer we cannot read is no verdict.
            _ => WeChatResult<TextCheckSuggestion>.Fail(WeChatErrorCodes.Unreachable, "msg_sec_check answered without result.suggest"),
        };
    }

    /// <summary>media_type of an image in mediaCheckAsync.</summary>
    public const int ImageMediaType = 2;

    /// <summary>media_type of audio in mediaCheckAsync.</summary>
    public const int AudioMediaType = 1;

    /// <summary>
    /// mediaCheckAsync v2 (Infrastructure/WeChat/README.md §7b): asks WeChat to download and check <paramref name="mediaUrl"/>.
    /// Returns the trace_id; the verdict arrives later as a <c>wxa_media_check</c> message-push event.
    /// </summary>
    public static async Task<WeChatResult<string>> CheckMediaAsync(this WeChatClient client, string openId, string mediaUrl, CancellationToken cancellationToken, int mediaType = ImageMediaType)
    {
        var body = new MediaCheckRequest(mediaUrl, mediaType, 2, CommentScene, openId);
        var result = await client.PostWithTokenAsync<MediaCheckResponse>("wxa/media_check_async", body, cancellationToken);
        if (!result.Succeeded)
        {
            return result.CastError<string>();
        }

        return string.IsNullOrEmpty(result.Value!.TraceId)
            ? WeChatResult<string>.Fail(WeChatErrorCodes.Unreachable, "media_check_async answered without trace_id")
            : WeChatResult<string>.Ok(result.Value.TraceId);
    }

    private sealed record MediaCheckRequest(string MediaUrl, int MediaType, int Version, int Scene, string Openid);

    private sealed class MediaCheckResponse : WeChatResponse
    {
        public string? TraceId { get; set; }
    }

    private sealed record MsgSecCheckRequest(string Content, int Version, int Scene, string Openid, string? Title);

    private sealed class MsgSecCheckResponse : WeChatResponse
    {
        public string? TraceId { get; set; }

        public MsgSecCheckResult? Result { get; set; }
    }

    private sealed class MsgSecCheckResult
    {
        public string? Suggest { get; set; }

        public int Label { get; set; }
    }
}
