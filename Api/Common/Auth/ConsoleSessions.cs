using Microsoft.AspNetCore.Antiforgery;
using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Common.Auth;

/// <summary>
/// The PC console's session: a token from the same <see cref="ISessionStore"/> as the mini-program's bearer tokens,
/// carried in the <see cref="Cookie"/> cookie (HttpOnly, SameSite=Strict, Secure in production and over https).
/// Because it is the same store, the caller has exactly the member's rights (<see cref="CurrentMember"/>,
/// <see cref="UnitAccess"/>), and unbinding the member (which revokes every session of the account) ends it too.
/// Every unsafe request authenticated by the cookie must carry the antiforgery token (<see cref="CsrfHeader"/>
/// header or the form field), checked once for every route by <see cref="ConsoleCsrf.UseConsoleCsrf"/>.
/// </summary>
public sealed class ConsoleSessions(ISessionStore sessions, IHostEnvironment environment)
{
    public const string Cookie = "sb_console";

    /// <summary>Header the console's scripts send the antiforgery request token in.</summary>
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>Claim marking a principal authenticated by the console cookie (value "cookie").</summary>
    public const string ChannelClaim = "channel";

    public async Task StartAsync(HttpContext http, string openId, CancellationToken cancellationToken)
    {
        var session = await sessions.CreateAsync(new SessionData(openId, DateTimeOffset.UtcNow), cancellationToken);
        http.Response.Cookies.Append(Cookie, session.Token, Options(http));
    }

    public async Task EndAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.Cookies[Cookie] is { Length: > 0 } token)
        {
            await sessions.RevokeAsync(token, cancellationToken);
        }

        http.Response.Cookies.Delete(Cookie, Options(http));
    }

    /// <summary>A browser-session cookie: it ends with the browser, the server session ends after its sliding lifetime.</summary>
    private CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = environment.IsProduction() || http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    internal static void ConfigureAntiforgery(AntiforgeryOptions options, bool isProduction)
    {
        options.HeaderName = CsrfHeader;
        options.Cookie.Name = "sb_csrf";
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = isProduction ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }
}

/// <summary>The CSRF gate for cookie-authenticated writes.</summary>
public static class ConsoleCsrf
{
    /// <summary>
    /// Refuses (400 ProblemDetails) every POST/PUT/PATCH/DELETE authenticated by the console cookie without a valid
    /// antiforgery token. Bearer-token callers (the mini-program) are not affected: a browser never sends those by itself.
    /// </summary>
    public static IApplicationBuilder UseConsoleCsrf(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(ConsoleSessions.ChannelClaim, "cookie")
                && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method)))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await TypedResults.Problem(
                        "页面已过期或请求缺少安全校验，请刷新页面后重试。",
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "安全校验失败").ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
}
