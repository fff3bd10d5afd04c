namespace SmartBranch.Infrastructure.WeChat;

/// <summary>
/// One subscription message (subscribeMessage.send, Infrastructure/WeChat/README.md §3): the member's openid, the template,
/// the mini-program page it opens (no leading slash) and one value per template keyword (<c>thing1</c>, <c>time2</c> …),
/// already within the keyword type's limits.
/// </summary>
public sealed record SubscribeMessage(string ToUser, string TemplateId, string? Page, IReadOnlyDictionary<string, string> Data, string MiniProgramState, string Lang = "zh_CN");

/// <summary>subscribeMessage.send: the call that delivers a one-time subscription message.</summary>
public static class WeChatSubscribeMessages
{
    /// <summary>The API path (access token in the query), also what the emulator's failure injection is keyed by.</summary>
    public const string SendPath = "cgi-bin/message/subscribe/send";

    /// <summary>
    /// Sends <paramref name="message"/>. Success carries WeChat's msgid; a failure carries the errcode
    /// (43101 no banked accept, 45009 daily quota, 47003 bad keyword value, 40037 bad template …).
    /// </summary>
    public static async Task<WeChatResult<long?>> SendSubscribeMessageAsync(this WeChatClient client, SubscribeMessage message, CancellationToken cancellationToken)
    {
        var body = new SendRequest(
            message.ToUser,
            message.TemplateId,
            message.Page,
            message.Data.ToDictionary(d => d.Key, d => new KeywordValue(d.Value)),
            message.MiniProgramState,
            message.Lang);
        var result = await client.PostWithTokenAsync<SendResponse>(SendPath, body, cancellationToken);
        return result.Succeeded ? WeChatResult<long?>.Ok(result.Value!.Msgid) : result.CastError<long?>();
    }

    /// <summary>The value of one template keyword as WeChat wants it: <c>{"value": "…"}</c>.</summary>
    private sealed record KeywordValue(string Value);

    private sealed record SendRequest(string Touser, string TemplateId, string? Page, Dictionary<string, KeywordValue> Data, string MiniprogramState, string Lang);

    private sealed class SendResponse : WeChatResponse
    {
        public long? Msgid { get; set; }
    }
}
