using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.Auth;

public static class Logout
{
    /// <summary>Ends the session of the token used for this request.</summary>
    public static async Task<NoContent> Handle(HttpContext http, ISessionStore sessions, CancellationToken cancellationToken)
    {
        if (SessionAuthenticationHandler.ReadBearerToken(http.Request) is { } token)
        {
            await sessions.RevokeAsync(token, cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
