using SmartBranch.Api.Common.MiniProgramCodes;

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
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

        // Invitations are the committee's business: to anyone else they do not exist.
        if (invitation is null || !access.CanManage(invitation.BranchId))
        {
            return Problems.NotFound("未找到该绑定邀请，或您无权查看。");
        }

        var image = await codes.GetAsync(invitation.Scene, BindPage, cancellationToken);
        if (!image.Succeeded)
        {
            return WeChatProblems.For(http, image.Error, "微信小程序码暂时无法生成，请稍后再试。");
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(image.Value!, "image/png", $"invitation-{invitation.Id}.png");
    }
}
