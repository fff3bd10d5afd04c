namespace SmartBranch.Api.Features.Auth;

public static class AuthModule
{
    /// <summary>Registers the auth area's services: the login abuse limiter.</summary>
    public static IServiceCollection AddAuth(this IServiceCollection services) => services.AddSingleton<LoginAbuseLimiter>().AddAreaRoutes(MapAuthEndpoints);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTag("Auth", "Sign-in with WeChat (wx.login code) and sign-out; anonymous.");

        group.MapPost("/wechat-login", WeChatLogin.Handle)
            .WithName(nameof(WeChatLogin))
            .WithSummary("Sign in with the code from wx.login()")
            .WithValidation<WeChatLogin.Request>()
            .RequireRateLimiting(RateLimits.Login)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/logout", Logout.Handle)
            .WithName(nameof(Logout))
            .WithSummary("End the current session")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
