using SmartBranch.Domain.Common;
using System.Security.Cryptography;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class CreateInvitation
{
    /// <summary>Longest an invitation may stay valid.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    /// <summary>Used when no expiry is given.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    // Lower-case letters and digits: inside WeChat's scene alphabet and easy to read out.
    private const string CodeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A fresh random invitation code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, Invitation.CodeLength);

    /// <summary>When the invitation expires (default 7 days, at most 90) and whether it binds one account only (default true).</summary>
    public sealed record Request(DateTimeOffset? ExpiresAt, bool? SingleUse);

    /// <summary>The invitation: put <c>scene</c> in a mini-program code, or fetch the image from <c>qrCodeUrl</c>.</summary>
    public sealed record Response(int Id, int BranchId, string Scene, DateTimeOffset ExpiresAt, bool SingleUse, string QrCodeUrl);

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadBranchAsync(access, id, access.CanManage, "无法创建邀请", "邀请只能为党支部创建。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var expiresAt = request.ExpiresAt ?? now + DefaultLifetime;
        if (expiresAt <= now || expiresAt > now + MaxLifetime)
        {
            return Problems.BadRequest("有效期无效", "邀请的过期时间须晚于现在，且不超过90天。");
        }

        var invitation = new Invitation(id, NewCode(), request.SingleUse ?? true, expiresAt, current.Id, now);
        db.Invitations.Add(invitation);
        await db.SaveWithAuditAsync(
            () => audit.Record(id, "invitation.created", SubjectTypes.Invitation, invitation.Id,
                $"创建{(invitation.SingleUse ? "单次" : "多次")}绑定邀请，有效期至 {SmartBranch.Domain.Common.LocalCalendar.ToLocal(expiresAt):yyyy-MM-dd HH:mm}"),
            cancellationToken);

        var response = new Response(invitation.Id, id, invitation.Scene, invitation.ExpiresAt, invitation.SingleUse, $"/api/invitations/{invitation.Id}/qrcode");
        return TypedResults.Created(response.QrCodeUrl, response);
    }
}
