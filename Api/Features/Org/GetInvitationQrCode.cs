using SmartBranch.Api.Common.MiniProgramCodes;
using SmartBranch.Infrastructure.WeChat.Emulator;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Features.Org;

public static class GetInvitationQrCode
{
    /// <summary>The mini-program page that reads the scene and asks for name and number.</summary>
    public const string BindPage = MiniProgramPages.Bind;

    /// <summary>The invitation's mini-program code (PNG) from WeChat's getwxacodeunlimit.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        MiniProgramCodeImages codes,
        IOptions<WeChatOptions> options,
        [Microsoft.AspNetCore.Mvc.FromServices] WeChatEmulator? emulator,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

        // Invitations are the committee's business: to anyone else they do not exist.
        if (invitation is null || !access.CanManage(invitation.BranchId))
        {
            return Problems.NotFound();
        }

        var request = emulator is not null
            ? new UnlimitedQrCodeRequest(invitation.Scene, BindPage, CheckPath: false, EnvVersion: "develop")
            : ForState(invitation.Scene, options.Value.MiniProgramState);
        var image = await codes.GetAsync(request, cancellationToken);
        if (!image.Succeeded)
        {
            return Problems.Unavailable(http, "微信小程序码暂时无法生成，请稍后再试。", image.ErrCode == WeChatErrorCodes.DailyQuotaReached ? 60 : 5);
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(image.Value!, "image/png", $"invitation-{invitation.Id}.png");
    }

    /// <summary>Trial and developer builds do not have the page released yet, so the path is not checked there.</summary>
    private static UnlimitedQrCodeRequest ForState(string scene, string state) => state switch
    {
        "trial" => new UnlimitedQrCodeRequest(scene, BindPage, CheckPath: false, EnvVersion: "trial"),
        "developer" => new UnlimitedQrCodeRequest(scene, BindPage, CheckPath: false, EnvVersion: "develop"),
        _ => new UnlimitedQrCodeRequest(scene, BindPage, CheckPath: true, EnvVersion: "release"),
    };
}
