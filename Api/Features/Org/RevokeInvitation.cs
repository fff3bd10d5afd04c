using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Org;

public static class RevokeInvitation
{
    /// <summary>Revokes an invitation at once: it binds nobody afterwards. 204; 404 for one outside what the caller manages.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

        // Invitations are the committee's business: to anyone else they do not exist.
        if (invitation is null || !access.CanManage(invitation.BranchId))
        {
            return Problems.NotFound("未找到该绑定邀请，或您无权查看。");
        }

        if (invitation.RevokedAt is null)
        {
            invitation.Revoke(time.GetUtcNow());
            audit.Record(invitation.BranchId, "invitation.revoked", SubjectTypes.Invitation, invitation.Id, "撤销绑定邀请");
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
