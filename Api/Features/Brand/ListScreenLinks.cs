namespace SmartBranch.Api.Features.Brand;

public static class ListScreenLinks
{
    /// <summary>The unit's display links that still work, newest first.</summary>
    public static async Task<Results<Ok<ListPage<CreateScreenLink.Response>>, ProblemHttpResult>> Handle(
        int id,
        HttpRequest http,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var gate = await db.LoadUnitAsync(access, id, u => BrandRules.CanApprove(access, u), cancellationToken);
        if (!gate.Succeeded)
        {
            return Problems.From(gate.Error!);
        }

        var links = await db.ScreenLinks.AsNoTracking().Where(l => l.UnitId == id && l.RevokedAt == null).OrderByDescending(l => l.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<CreateScreenLink.Response>(links.Select(l => CreateScreenLink.ToResponse(l, http)).ToList()));
    }
}
