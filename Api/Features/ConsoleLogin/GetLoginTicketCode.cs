using SmartBranch.Api.Common.MiniProgramCodes;
using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.ConsoleLogin;

public static class GetLoginTicketCode
{
    /// <summary>
    /// The ticket's mini-program code (PNG), opening miniprogram/pkg-console/confirm with the ticket as scene. Only the
    /// browser that created the ticket gets it (404 otherwise, and once it expired); 502/503 when WeChat cannot make it.
    /// The image is kept only as long as the ticket lives.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        string ticket,
        HttpContext http,
        ILoginTicketStore tickets,
        MiniProgramCodeImages codes,
        CancellationToken cancellationToken)
    {
        if (await tickets.GetAsync(ticket, cancellationToken) is not { State: LoginTicketState.Pending } found || !ConsoleLoginTickets.IsShownBy(found, http.Request))
        {
            return Problems.NotFound("登录二维码已失效，请刷新页面。");
        }

        var image = await codes.GetAsync(found.Id, ConsoleLoginTickets.ConfirmPage, ConsoleLoginTickets.Lifetime, cancellationToken);
        if (!image.Succeeded)
        {
            return WeChatProblems.For(http, image.Error, "微信小程序码暂时无法生成，请稍后再试。");
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(image.Value!, "image/png");
    }
}
