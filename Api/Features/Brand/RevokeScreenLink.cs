using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class RevokeScreenLink
{
    /// <summary>The display shows an error page from its next refresh on. Revoking twice is harmless.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        AuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var link = await db.ScreenLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null || !UnitAccess.Check(access, link.UnitId, u => BrandRules.CanApprove(access, u)).Succeeded)
        {
            // Someone else's display link is none of the caller's business: 404 either way.
            return Problems.NotFound();
        }

        if (link.IsActive)
        {
            link.Revoke(time.GetUtcNow());
            audit.Record(link.UnitId, "screen_link.revoked", SubjectTypes.ScreenLink, link.Id, "撤销大屏链接");
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
