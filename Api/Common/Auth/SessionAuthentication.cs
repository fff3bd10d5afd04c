using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using SmartBranch.Infrastructure.Caching;
using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Common.Auth;

public static class AppClaims
{
    public const string OpenId = "openid";
    public const string MemberId = "member_id";
}

/// <summary>Named policies used at route-group level.</summary>
public static class Policies
{
    /// <summary>Signed in with WeChat, bound to a roster entry or not.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Signed in and bound to a roster entry.</summary>
    public const string Member = nameof(Member);
}

/// <summary>
/// Bearer tokens issued at WeChat login, looked up in the session store (which slides their lifetime).
/// The member is found by openid on each request through <see cref="AccessCache"/>, whose entries a change to
/// members or appointments retires on every instance, so unbinding takes effect at once.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISessionStore sessions,
    IFeedGeneration generations,
    AccessCache cache,
    CurrentMember current,
    AppDbContext db,
    Microsoft.AspNetCore.Http.IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The mini-program sends a bearer token; the PC console's browser sends its cookie (ConsoleSessions).
        var token = ReadBearerToken(Request);
        var viaCookie = false;
        if (token is null && Request.Cookies[ConsoleSessions.Cookie] is { Length: > 0 } cookie)
        {
            token = cookie;
            viaCookie = true;
        }

        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        // Both Redis commands (the session's GETEX, one MGET of the access and feed generations) leave together and
        // share one round trip.
        var generationsRead = generations.ReadAsync(token, Context.RequestAborted);
        var session = await sessions.GetAsync(token, Context.RequestAborted);
        var read = await generationsRead;
        if (session is null)
        {
            return AuthenticateResult.Fail("Unknown or expired session.");
        }

        var generation = await generations.CompleteAsync(read, token, Context.RequestAborted);
        var openId = session.Data.OpenId;
        var identity = await cache.GetIdentityAsync(db, openId, generation.Access!, Context.RequestAborted);
        current.Attach(generation, identity);
        List<Claim> claims = [new(AppClaims.OpenId, openId)];
        if (viaCookie)
        {
            claims.Add(new Claim(ConsoleSessions.ChannelClaim, "cookie"));
        }

        if (identity.Member is { } member)
        {
            claims.Add(new Claim(AppClaims.MemberId, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsConsolePage(Request))
        {
            Response.Redirect("/console/login?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
            return Task.CompletedTask;
        }

        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "登录已失效或尚未登录，请重新登录。");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (IsConsolePage(Request))
        {
            Response.Redirect("/console/login");
            return Task.CompletedTask;
        }

        return WriteProblemAsync(StatusCodes.Status403Forbidden, Context.User.HasClaim(c => c.Type == AppClaims.MemberId)
            ? "您没有执行此操作的权限。"
            : "您的微信尚未绑定党员信息，请先通过支部邀请码完成绑定。");
    }

    /// <summary>The console's pages send people to the login page instead of answering ProblemDetails.</summary>
    private static bool IsConsolePage(HttpRequest request) => request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase);

    public static string? ReadBearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private async Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new Microsoft.AspNetCore.Http.ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = Problems.Titles[status], Detail = detail },
        });
    }
}
