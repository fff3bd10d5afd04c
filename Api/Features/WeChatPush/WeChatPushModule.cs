namespace SmartBranch.Api.Features.WeChatPush;

/// <summary>WeChat's message push (消息推送): the one route WeChat itself calls, anonymous and signed with the push token.</summary>
public static class WeChatPushModule
{
    /// <summary>Registers the message-push area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddWeChatPush(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapWeChatPushEndpoints(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/wechat/push").WithTags("WeChat").AllowAnonymous();
        push.MapGet("/", VerifyWeChatPush.Handle).WithName(nameof(VerifyWeChatPush)).WithSummary("WeChat message-push URL verification (echo)");
        push.MapPost("/", ReceiveWeChatPush.Handle).WithName(nameof(ReceiveWeChatPush)).WithSummary("WeChat message-push events (wxa_media_check)");
        return app;
    }
}
