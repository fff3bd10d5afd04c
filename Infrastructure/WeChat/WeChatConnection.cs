namespace SmartBranch.Infrastructure.WeChat;

/// <summary>
/// The process's one HTTP connection pool to WeChat, and where WeChat is. A singleton: one
/// <see cref="SocketsHttpHandler"/> for the life of the process instead of a typed client (and a handler lookup)
/// made per request by IHttpClientFactory. Each pooled connection is closed after
/// <see cref="PooledConnectionLifetime"/>, so a DNS change of api.weixin.qq.com is seen within that time, as the
/// factory's handler rotation did. No logging handler: jscode2session carries the AppSecret in its query, and
/// the default HttpClient logs would print request URIs. Cookies are off (WeChat sets none; a shared pool must not
/// carry one caller's cookie to another). The HttpClient telemetry (traces, metrics) is the handler's own, as before,
/// but the trace context is not propagated to WeChat (no <c>traceparent</c> header).
/// </summary>
/// <remarks>
/// The base address is asked for on every call, never captured: the emulator (Development, tests, benchmarks)
/// picks its loopback port only when it starts, after the container is built, and another one if it is started
/// again. For the real WeChat it is <see cref="WeChatOptions.BaseUrl"/>, read once.
/// </remarks>
public sealed class WeChatConnection : IDisposable
{
    /// <summary>How long one pooled connection is used before a new one is opened (and the name resolved again).</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>The whole call, retries of a busy answer excepted (each is its own call).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Func<Uri> _baseAddress;

    /// <param name="baseAddress">Where WeChat is now, ending in "/"; called for every request.</param>
    public WeChatConnection(Func<Uri> baseAddress)
    {
        _baseAddress = baseAddress;
        Http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            UseCookies = false,
            // WeChat is no part of our traces: no traceparent/tracestate of ours goes to a third party (and none is
            // formatted and sent on every call). Client spans are still recorded when tracing is on.
            ActivityHeadersPropagator = null,
        })
        {
            Timeout = Timeout,
        };
    }

    /// <summary>Where requests go now.</summary>
    public Uri BaseAddress => _baseAddress();

    internal HttpClient Http { get; }

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> (relative, no leading "/") at WeChat as it is now.</summary>
    internal Uri Resolve(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public void Dispose() => Http.Dispose();
}
