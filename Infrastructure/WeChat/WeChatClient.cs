using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartBranch.Infrastructure.WeChat;

/// <summary>Fields every WeChat JSON answer may carry; a missing errcode means success.</summary>
public class WeChatResponse
{
    public int Errcode { get; set; }

    public string? Errmsg { get; set; }
}

/// <summary>auth.code2Session answer. The session_key is read but never leaves this client.</summary>
public sealed record Code2SessionResult(string OpenId, string? UnionId);

/// <summary>
/// phone_info of getuserphonenumber (Infrastructure/WeChat/README.md §6a). Its keys are camelCase, unlike the rest of WeChat;
/// countryCode arrives as a number (the official example) or a string (the documented type), both read here.
/// </summary>
public sealed class PhoneInfo
{
    [JsonPropertyName("phoneNumber")]
    public string? PhoneNumber { get; set; }

    /// <summary>The number without the country code.</summary>
    [JsonPropertyName("purePhoneNumber")]
    public string? PurePhoneNumber { get; set; }

    [JsonPropertyName("countryCode")]
    public JsonElement CountryCodeValue { get; set; }

    /// <summary>"86" for the mainland, whichever JSON type WeChat sent.</summary>
    [JsonIgnore]
    public string CountryCode => CountryCodeValue.ValueKind switch
    {
        JsonValueKind.Number => CountryCodeValue.GetRawText(),
        JsonValueKind.String => CountryCodeValue.GetString()?.TrimStart('+') ?? string.Empty,
        _ => string.Empty,
    };
}

/// <summary>Body of wxacode.getUnlimited (see README.md §8). Built only by <see cref="WeChatClient.MiniProgramCodeRequest"/>.</summary>
internal sealed record UnlimitedQrCodeRequest(string Scene, string? Page, bool CheckPath, string EnvVersion, int Width = 430);

/// <summary>One refresh of the access token at a time per process; stable_token keeps instances from invalidating each other.</summary>
public sealed class AccessTokenGate
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
}

/// <summary>
/// The application's WeChat client, one per process over <see cref="WeChatConnection"/>. It decides from <see cref="WeChatErrors"/> what to do
/// with an errcode: retries transient "busy" answers with back-off, refreshes the access token once when WeChat
/// says it is invalid, logs configuration errors as errors, and never logs secrets. Bodies are sent with
/// Content-Length (buffered JSON), never chunked.
/// </summary>
public sealed class WeChatClient(
    WeChatConnection connection,
    IOptions<WeChatOptions> options,
    IAccessTokenCache tokenCache,
    AccessTokenGate gate,
    ILogger<WeChatClient> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private WeChatOptions Options => options.Value;

    private string AppId => Options.AppId!;

    /// <summary>Exchanges a wx.login code for the user's openid.</summary>
    public async Task<WeChatResult<Code2SessionResult>> Code2SessionAsync(string code, CancellationToken cancellationToken)
    {
        var path = $"sns/jscode2session?appid={Uri.EscapeDataString(AppId)}&secret={Uri.EscapeDataString(Options.AppSecret ?? string.Empty)}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        var result = Report("jscode2session", await WithBusyRetryAsync(ct => GetJsonAsync<Code2SessionResponse>(path, ct), cancellationToken));
        return result.Succeeded
            ? WeChatResult<Code2SessionResult>.Ok(new Code2SessionResult(result.Value!.Openid!, result.Value.Unionid))
            : result.CastError<Code2SessionResult>();
    }

    /// <summary>
    /// The one way the application makes a mini-program code (PNG bytes): <paramref name="page"/> opened with
    /// <paramref name="scene"/>, for the configured <see cref="WeChatOptions.MiniProgramState"/>.
    /// </summary>
    public Task<WeChatResult<byte[]>> GetMiniProgramCodeAsync(string scene, string page, CancellationToken cancellationToken)
    {
        var request = MiniProgramCodeRequest(scene, page, Options.MiniProgramState);
        return WithTokenAsync("getwxacodeunlimit", (token, ct) => PostForImageAsync($"wxa/getwxacodeunlimit?access_token={token}", request, ct), cancellationToken);
    }

    /// <summary>
    /// formal → env_version release with check_path (the page must be published); trial and developer builds have
    /// no published page yet, so their codes open that build (env_version trial / develop) without check_path.
    /// </summary>
    internal static UnlimitedQrCodeRequest MiniProgramCodeRequest(string scene, string page, string state) => state switch
    {
        WeChatOptions.TrialState => new UnlimitedQrCodeRequest(scene, page, CheckPath: false, EnvVersion: "trial"),
        WeChatOptions.DeveloperState => new UnlimitedQrCodeRequest(scene, page, CheckPath: false, EnvVersion: "develop"),
        _ => new UnlimitedQrCodeRequest(scene, page, CheckPath: true, EnvVersion: "release"),
    };

    /// <summary>
    /// Exchanges a getPhoneNumber button code for the user's phone (Infrastructure/WeChat/README.md §6a). The code is single-use
    /// and valid 5 minutes; 40029 means the user should tap again.
    /// </summary>
    public Task<WeChatResult<PhoneInfo>> GetUserPhoneNumberAsync(string code, CancellationToken cancellationToken) =>
        WithTokenAsync("getuserphonenumber", async (token, ct) =>
        {
            var result = await PostJsonAsync<PhoneNumberResponse>($"wxa/business/getuserphonenumber?access_token={token}", new { code }, ct);
            return result.Succeeded
                ? result.Value!.PhoneInfo is { } info ? WeChatResult<PhoneInfo>.Ok(info) : WeChatResult<PhoneInfo>.Fail(-1, "phone_info missing")
                : result.CastError<PhoneInfo>();
        }, cancellationToken);

    /// <summary>POSTs a JSON body to an access-token API and reads a JSON answer.</summary>
    public Task<WeChatResult<TResponse>> PostWithTokenAsync<TResponse>(string path, object body, CancellationToken cancellationToken)
        where TResponse : WeChatResponse =>
        WithTokenAsync(path, (token, ct) => PostJsonAsync<TResponse>($"{path}?access_token={token}", body, ct), cancellationToken);

    /// <summary>The current access token, fetched from stable_token when none is cached.</summary>
    public async Task<WeChatResult<string>> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var cached = await tokenCache.GetAsync(AppId);
        if (cached is not null)
        {
            return WeChatResult<string>.Ok(cached);
        }

        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            cached = await tokenCache.GetAsync(AppId);
            if (cached is not null)
            {
                return WeChatResult<string>.Ok(cached);
            }

            var body = new StableTokenRequest("client_credential", AppId, Options.AppSecret ?? string.Empty, ForceRefresh: false);
            var result = Report("stable_token", await WithBusyRetryAsync(ct => PostJsonAsync<StableTokenResponse>("cgi-bin/stable_token", body, ct), cancellationToken));
            if (!result.Succeeded)
            {
                return result.CastError<string>();
            }

            var expiresIn = TimeSpan.FromSeconds(Math.Max(result.Value!.ExpiresIn, 1));
            var margin = TimeSpan.FromSeconds(Math.Min(300, expiresIn.TotalSeconds / 2));
            await tokenCache.SetAsync(AppId, result.Value.AccessToken!, expiresIn - margin);
            logger.LogInformation("Fetched a WeChat access token valid for {ExpiresIn} s", result.Value.ExpiresIn);
            return WeChatResult<string>.Ok(result.Value.AccessToken!);
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    private async Task<WeChatResult<T>> WithTokenAsync<T>(string name, Func<string, CancellationToken, Task<WeChatResult<T>>> call, CancellationToken cancellationToken)
    {
        for (var tokenAttempt = 0; ; tokenAttempt++)
        {
            var token = await GetAccessTokenAsync(cancellationToken);
            if (!token.Succeeded)
            {
                // Already reported by GetAccessTokenAsync.
                return token.CastError<T>();
            }

            var result = await WithBusyRetryAsync(ct => call(token.Value!, ct), cancellationToken);
            if (tokenAttempt == 0 && result.Error.RefreshesToken)
            {
                logger.LogWarning("WeChat {Api} rejected the access token ({ErrCode}); fetching it again", name, result.ErrCode);
                await tokenCache.DropAsync(AppId, token.Value!);
                continue;
            }

            return Report(name, result);
        }
    }

    /// <summary>Repeats a call while its errcode is one the table retries at once (busy, unreachable), with doubling back-off.</summary>
    private async Task<WeChatResult<T>> WithBusyRetryAsync<T>(Func<CancellationToken, Task<WeChatResult<T>>> call, CancellationToken cancellationToken)
    {
        var delay = Options.BusyRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            var result = await call(cancellationToken);
            if (result.Succeeded || !result.Error.RetryAtOnce || attempt >= Options.BusyRetries)
            {
                return result;
            }

            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }

    /// <summary>Logs a failed final answer at the level its kind deserves: configuration errors need an operator.</summary>
    private WeChatResult<T> Report<T>(string name, WeChatResult<T> result)
    {
        if (result.Succeeded)
        {
            return result;
        }

        var error = result.Error;
        switch (error.Kind)
        {
            case WeChatErrorKind.Configuration:
                logger.LogError("WeChat configuration error: {Api} answered {ErrCode} ({Meaning}): {ErrMsg}", name, result.ErrCode, error.Meaning, result.ErrMsg);
                break;
            case WeChatErrorKind.Transient:
                logger.LogWarning("WeChat {Api} answered {ErrCode} ({Meaning}): {ErrMsg}", name, result.ErrCode, error.Meaning, result.ErrMsg);
                break;
            default:
                logger.LogInformation("WeChat {Api} refused the caller's request with {ErrCode} ({Meaning}): {ErrMsg}", name, result.ErrCode, error.Meaning, result.ErrMsg);
                break;
        }

        return result;
    }

    private async Task<WeChatResult<T>> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
        where T : WeChatResponse =>
        await SendAsync(() => connection.Http.GetAsync(connection.Resolve(path), cancellationToken), ReadJsonAsync<T>, cancellationToken);

    private async Task<WeChatResult<T>> PostJsonAsync<T>(string path, object body, CancellationToken cancellationToken)
        where T : WeChatResponse =>
        await SendAsync(() => connection.Http.PostAsync(connection.Resolve(path), JsonBody(body), cancellationToken), ReadJsonAsync<T>, cancellationToken);

    private Task<WeChatResult<byte[]>> PostForImageAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(() => connection.Http.PostAsync(connection.Resolve(path), JsonBody(body), cancellationToken), ReadImageAsync, cancellationToken);

    /// <summary>
    /// The body serialised up front, so it goes out with Content-Length: JsonContent streams and is sent chunked,
    /// which some HTTP servers on the way to WeChat do not read.
    /// </summary>
    private static ByteArrayContent JsonBody(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<WeChatResult<T>> SendAsync<T>(
        Func<Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<WeChatResult<T>>> read,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send();
            if (!response.IsSuccessStatusCode)
            {
                return WeChatResult<T>.Fail(WeChatErrorCodes.Unreachable, $"HTTP {(int)response.StatusCode}");
            }

            return await read(response, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return WeChatResult<T>.Fail(WeChatErrorCodes.Unreachable, ex.GetType().Name);
        }
    }

    private static async Task<WeChatResult<T>> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : WeChatResponse
    {
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        if (value is null)
        {
            return WeChatResult<T>.Fail(WeChatErrorCodes.Unreachable, "empty body");
        }

        return value.Errcode == 0 ? WeChatResult<T>.Ok(value) : WeChatResult<T>.Fail(value.Errcode, value.Errmsg);
    }

    private static async Task<WeChatResult<byte[]>> ReadImageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // getwxacodeunlimit answers 200 with either image bytes or a JSON error.
        if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: { } type } && type.StartsWith("image/", StringComparison.Ordinal))
        {
            return WeChatResult<byte[]>.Ok(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }

        var error = await response.Content.ReadFromJsonAsync<WeChatResponse>(Json, cancellationToken);
        return WeChatResult<byte[]>.Fail(error?.Errcode is int code and not 0 ? code : WeChatErrorCodes.Unreachable, error?.Errmsg);
    }

    private sealed class PhoneNumberResponse : WeChatResponse
    {
        public PhoneInfo? PhoneInfo { get; set; }
    }

    private sealed class Code2SessionResponse : WeChatResponse
    {
        public string? Openid { get; set; }

        public string? Unionid { get; set; }

        // session_key is deliberately not mapped: nothing here needs it, so it cannot leak.
    }

    private sealed record StableTokenRequest(string GrantType, string Appid, string Secret, bool ForceRefresh);

    private sealed class StableTokenResponse : WeChatResponse
    {
        public string? AccessToken { get; set; }

        public int ExpiresIn { get; set; }
    }
}
