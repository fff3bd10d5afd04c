using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>A subscription message the emulator accepted (what the member would see in their service notices).</summary>
public sealed record EmulatorMessage(long MsgId, string ToUser, string TemplateId, string? Page, IReadOnlyDictionary<string, string> Data, string MiniProgramState, string Lang, DateTimeOffset At);

/// <summary>
/// subscribeMessage.send (Infrastructure/WeChat/README.md §3). WeChat keeps its own count of one-time subscriptions per
/// user and template, and so does the emulator: <see cref="AcceptSubscription"/> plays the part of the
/// member tapping "accept" in wx.requestSubscribeMessage (in emulator mode POST /api/subscriptions calls
/// it, standing in for the WeChat client; tests may also call it, or <see cref="SetSubscriptions"/>, to
/// make the two counts disagree). A send without a banked accept is 43101; keyword values are checked
/// against the type limits (47003 naming the field); every accepted message is kept in
/// <see cref="SentMessages"/> and at GET /__emulator/messages.
/// </summary>
public sealed partial class WeChatEmulator
{
    private const string SubscribeSendApi = "cgi-bin/message/subscribe/send";

    private readonly ConcurrentDictionary<(string OpenId, string TemplateId), int> _subscriptions = new();
    private readonly EmulatorLog<EmulatorMessage> _messages = new();
    private long _nextMsgId = 3_000_000_000;

    /// <summary>
    /// Raw-rate mode for benchmarks: every well-formed send succeeds without a banked accept and is
    /// counted but not stored, so a load generator measures the emulator itself.
    /// </summary>
    public bool RawRateMode { get; set; }

    /// <summary>Sends answered 0 in raw-rate mode.</summary>
    public long RawSends => Interlocked.Read(ref _rawSends);

    private long _rawSends;

    /// <summary>The subscription messages accepted so far, oldest first (the newest <see cref="EmulatorLog{T}.Capacity"/>).</summary>
    public IReadOnlyList<EmulatorMessage> SentMessages => _messages.ToArray();

    /// <summary>Subscription messages accepted so far, all of them (not bounded like <see cref="SentMessages"/>).</summary>
    public long SentMessageCount => _messages.Added;

    /// <summary>The member accepted <paramref name="templateId"/> <paramref name="times"/> times in wx.requestSubscribeMessage.</summary>
    public void AcceptSubscription(string openId, string templateId, int times = 1) =>
        _subscriptions.AddOrUpdate((openId, templateId), times, (_, current) => current + times);

    /// <summary>Sets WeChat's own count of banked sends (e.g. 0: the member's quota is gone whatever our server believes).</summary>
    public void SetSubscriptions(string openId, string templateId, int remaining) => _subscriptions[(openId, templateId)] = remaining;

    /// <summary>Sends WeChat would still take for this member and template.</summary>
    public int SubscriptionsOf(string openId, string templateId) => _subscriptions.GetValueOrDefault((openId, templateId));

    private void MapSubscribeRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/message/subscribe/send", SubscribeSend);
        routes.MapGet("/__emulator/messages", (string? touser) => Results.Json(SentMessages.Where(m => touser is null || m.ToUser == touser)));
        routes.MapPost("/__emulator/subscriptions", (SubscriptionRequest accept) =>
        {
            AcceptSubscription(accept.OpenId, accept.TemplateId, accept.Times ?? 1);
            return Results.NoContent();
        });
    }

    private async Task<IResult> SubscribeSend(HttpRequest request)
    {
        if (CheckCall(SubscribeSendApi, request) is { } refused)
        {
            return refused;
        }

        using var body = await ReadJsonAsync(request);
        if (body is null || body.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Error(SubscribeSendApi, 47001, "data format error");
        }

        var root = body.RootElement;
        var toUser = Str(root, "touser");
        if (string.IsNullOrEmpty(toUser) || !toUser.StartsWith('o') || toUser.Length < 20)
        {
            return Error(SubscribeSendApi, 40003, "invalid openid");
        }

        var templateId = Str(root, "template_id");
        if (string.IsNullOrWhiteSpace(templateId) || templateId.Length > SubscriptionQuota.TemplateIdMaxLength)
        {
            return Error(SubscribeSendApi, 40037, "invalid template_id");
        }

        var page = Str(root, "page");
        if (page is not null && !page.StartsWith("pages/", StringComparison.Ordinal))
        {
            // WeChat: the page must exist in the released version (app.json); ours all live under pages/.
            return Error(SubscribeSendApi, 41030, "invalid page");
        }

        var state = Str(root, "miniprogram_state") ?? "formal";
        var lang = Str(root, "lang") ?? "zh_CN";
        if (state is not ("developer" or "trial" or "formal") || lang is not ("zh_CN" or "en_US" or "zh_HK" or "zh_TW"))
        {
            return Error(SubscribeSendApi, 40003, "invalid miniprogram_state or lang");
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !data.EnumerateObject().Any())
        {
            return Error(SubscribeSendApi, 47003, "argument invalid! data is empty");
        }

        var values = new Dictionary<string, string>();
        foreach (var field in data.EnumerateObject())
        {
            var value = field.Value.ValueKind == JsonValueKind.Object ? Str(field.Value, "value") : null;
            var problem = Keywords.TypeOf(field.Name) is { } type ? Keywords.Check(type, value) : "invalid";
            if (problem is not null)
            {
                return Error(SubscribeSendApi, 47003, $"argument invalid! data.{field.Name}.value {problem}");
            }

            values[field.Name] = value!;
        }

        if (RawRateMode)
        {
            Interlocked.Increment(ref _rawSends);
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid = Interlocked.Increment(ref _nextMsgId) });
        }

        if (!TryUseSubscription(toUser, templateId))
        {
            return Error(SubscribeSendApi, 43101, "user refuse to accept the msg");
        }

        var msgId = Interlocked.Increment(ref _nextMsgId);
        _messages.Add(new EmulatorMessage(msgId, toUser, templateId, page, values, state, lang, time.GetUtcNow()));
        Record(SubscribeSendApi, 0);
        return Results.Json(new { errcode = 0, errmsg = "ok", msgid = msgId });
    }

    private bool TryUseSubscription(string openId, string templateId)
    {
        var key = (openId, templateId);
        while (_subscriptions.TryGetValue(key, out var remaining) && remaining > 0)
        {
            if (_subscriptions.TryUpdate(key, remaining - 1, remaining))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record SubscriptionRequest(string OpenId, string TemplateId, int? Times);
}
