namespace SmartBranch.Api.Features.Brand;

public static class GetShare
{
    /// <summary>Who shared what, and how far it went: distinct openers, and how many of them were members.</summary>
    public sealed record Response(string ShareId, string SubjectType, int SubjectId, int SharerMemberId, string SharerName, DateTimeOffset CreatedAt, int Openers, int MemberOpeners, DateTimeOffset? LastOpenedAt);

    /// <summary>For the member who shared and the committee of the unit owning the content; 404 for everyone else.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string shareId, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var share = await db.Shares.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shareId, cancellationToken);
        if (share is null)
        {
            return Problems.NotFound("未找到该分享，或您无权查看。");
        }

        var access = await current.GetAccessAsync(cancellationToken);
        if (share.SharerMemberId != current.Id && !BrandRules.CanApprove(access, share.UnitId))
        {
            return Problems.NotFound("未找到该分享，或您无权查看。");
        }

        var opens = db.ShareOpens.AsNoTracking().Where(o => o.ShareId == shareId);
        var openers = await opens.CountAsync(cancellationToken);
        var members = await opens.CountAsync(o => o.MemberId != null, cancellationToken);
        var last = await opens.OrderByDescending(o => o.Id).Select(o => (DateTimeOffset?)o.OpenedAt).FirstOrDefaultAsync(cancellationToken);
        var sharer = await db.Members.Where(m => m.Id == share.SharerMemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(new Response(share.Id, share.SubjectType, share.SubjectId, share.SharerMemberId, sharer, share.CreatedAt, openers, members, last));
    }
}
