namespace SmartBranch.Api.Features.WeChatPush;

/// <summary>WeChat's message push (消息推送): the one route WeChat itself calls, anonymous and signed with the push token.</summary>
public static class WeChatPushModule
{
    /// <summary>Registers the message-push area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddWeChatPush(this IServiceCollection services) => services.AddAreaRoutes(MapWeChatPushEndpoints);

    public static IEndpointRouteBuilder MapWeChatPushEndpoints(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/wechat/push").WithTag("WeChat", "WeChat's message push (消息推送): the one route WeChat itself calls, anonymous and signed with the push token.").AllowAnonymous();
        push.MapGet("/", VerifyWeChatPush.Handle).WithName(nameof(VerifyWeChatPush)).WithSummary("WeChat message-push URL verification (echo)")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        push.MapPost("/", ReceiveWeChatPush.Handle).WithName(nameof(ReceiveWeChatPush)).WithSummary("WeChat message-push events (wxa_media_check)")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
