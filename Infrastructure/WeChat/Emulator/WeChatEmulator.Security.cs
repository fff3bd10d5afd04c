using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>msgSecCheck v2 (Infrastructure/WeChat/README.md §7a): text containing a configured risky word is "risky", a review word "review", anything else "pass".</summary>
public sealed partial class WeChatEmulator
{
    private const string MsgSecCheckApi = "wxa/msg_sec_check";

    private readonly ConcurrentDictionary<string, byte> _riskyWords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _reviewWords = new(StringComparer.Ordinal);

    /// <summary>Text containing <paramref name="word"/> is judged risky (label 20001).</summary>
    public void AddRiskyWord(string word) => _riskyWords[word] = 0;

    /// <summary>Text containing <paramref name="word"/> needs human review (label 21000).</summary>
    public void AddReviewWord(string word) => _reviewWords[word] = 0;

    /// <summary>Forgets every configured word: all text passes again.</summary>
    public void ClearContentWords()
    {
        _riskyWords.Clear();
        _reviewWords.Clear();
    }

    private void MapSecurityRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/wxa/msg_sec_check", MsgSecCheck);

        var control = routes.MapGroup("/__emulator/security");
        control.MapPost("/words", (ContentWordRequest request) =>
        {
            switch (request.Suggest)
            {
                case "risky":
                    AddRiskyWord(request.Word);
                    return Results.NoContent();
                case "review":
                    AddReviewWord(request.Word);
                    return Results.NoContent();
                default:
                    return Results.BadRequest(new { error = "suggest must be risky or review" });
            }
        });
        control.MapDelete("/words", () =>
        {
            ClearContentWords();
            return Results.NoContent();
        });
    }

    /// <summary>
    /// What both content-security calls (msg_sec_check and media_check_async, version 2) check first, in WeChat's
    /// order: the access token and faults, a JSON body (47001), <c>version</c> 2 (40097). The body's root, or the
    /// error answer.
    /// </summary>
    private async Task<(JsonElement Root, IResult? Refused)> SecurityCallAsync(string api, HttpRequest request)
    {
        if (CheckCall(api, request) is { } refused)
        {
            return (default, refused);
        }

        var body = await ReadJsonAsync(request);
        if (body is null)
        {
            return (default, Error(api, 47001, "data format error"));
        }

        var root = body.RootElement;
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 2)
        {
            return (default, Error(api, 40097, "invalid args, version must be 2"));
        }

        return (root, null);
    }

    /// <summary>The caller's openid when it is one the emulator gave out (<see cref="OpenIdFor"/>); otherwise null (WeChat's 40003).</summary>
    private static string? EmulatedOpenId(JsonElement root)
    {
        var openId = Str(root, "openid");
        return string.IsNullOrEmpty(openId) || !openId.StartsWith("oEMU", StringComparison.Ordinal) ? null : openId;
    }

    private async Task<IResult> MsgSecCheck(HttpRequest request)
    {
        var (root, refused) = await SecurityCallAsync(MsgSecCheckApi, request);
        if (refused is not null)
        {
            return refused;
        }

        if (!root.TryGetProperty("scene", out var scene) || scene.ValueKind != JsonValueKind.Number || scene.GetInt32() is < 1 or > 4)
        {
            return Error(MsgSecCheckApi, 40129, "invalid scene");
        }

        if (EmulatedOpenId(root) is null)
        {
            return Error(MsgSecCheckApi, 40003, "invalid openid");
        }

        var content = Str(root, "content");
        if (string.IsNullOrEmpty(content))
        {
            return Error(MsgSecCheckApi, 44002, "empty post data");
        }

        if (content.Length > WeChatContentSecurity.MaxContentLength)
        {
            return Error(MsgSecCheckApi, 47001, "content too long");
        }

        var text = content + "\n" + Str(root, "title");
        var (suggest, label) = _riskyWords.Keys.Any(w => text.Contains(w, StringComparison.Ordinal)) ? ("risky", 20001)
            : _reviewWords.Keys.Any(w => text.Contains(w, StringComparison.Ordinal)) ? ("review", 21000)
            : ("pass", 100);

        Record(MsgSecCheckApi, 0);
        return Results.Json(new
        {
            errcode = 0,
            errmsg = "ok",
            trace_id = $"emu-{Guid.NewGuid():N}",
            result = new { suggest, label },
            detail = new[] { new { strategy = "content_model", errcode = 0, suggest, label, prob = suggest == "pass" ? 0 : 90 } },
        });
    }

    private sealed record ContentWordRequest(string Word, string Suggest);
}
