using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class RevokeScreenLink
{
    /// <summary>An open display is told at once (its event stream ends with <c>revoked</c>) and shows the error page. Revoking twice is harmless.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        ScreenSignals screens,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var link = await db.ScreenLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null || !UnitAccess.Check(access, link.UnitId, u => BrandRules.CanApprove(access, u)).Succeeded)
        {
            // Someone else's display link is none of the caller's business: 404 either way.
            return Problems.NotFound("未找到该大屏链接，或您无权查看。");
        }

        if (link.IsActive)
        {
            link.Revoke(time.GetUtcNow());
            audit.Record(link.UnitId, "screen_link.revoked", SubjectTypes.ScreenLink, link.Id, "撤销大屏链接");
            await db.SaveChangesAsync(cancellationToken);
            screens.Changed(link.UnitId);
        }

        return TypedResults.NoContent();
    }
}
