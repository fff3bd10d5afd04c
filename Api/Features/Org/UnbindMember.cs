using SmartBranch.Domain.Common;
using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.Org;

public static class UnbindMember
{
    /// <summary>
    /// Detaches the member's WeChat account (lost phone, changed account). Their sessions end at once; they
    /// bind again with a new invitation.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        ISessionStore sessions,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (member, refusal) = await db.LoadMemberAsync(access, id, access.CanManage, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        if (member.OpenId is not { } openId)
        {
            return Problems.Conflict("尚未绑定", "该党员尚未绑定微信账号。");
        }

        member.Unbind();
        audit.Record(member.BranchId, "member.unbound", SubjectTypes.Member, member.Id, $"解除 {member.Name}（{member.Number}）的微信绑定");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("操作冲突", "该党员的绑定状态刚刚发生变化，请刷新后重试。");
        }

        // After the save: the authentication handler finds members by openid, so even a session that
        // survived this call would no longer map to the roster entry.
        await sessions.RevokeAllAsync(openId, cancellationToken);
        return TypedResults.NoContent();
    }
}
