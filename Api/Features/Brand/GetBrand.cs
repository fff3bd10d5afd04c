using SmartBranch.Domain.Brand;

namespace SmartBranch.Api.Features.Brand;

public static class GetBrand
{
    /// <summary>
    /// A unit's brand (支部品牌), public to anyone who opens the mini-program. A unit that has not set one
    /// shows its own name and the default theme colour. <c>canEdit</c> is true for its committee and admins.
    /// </summary>
    public sealed record Response(
        int UnitId,
        string UnitName,
        string Name,
        string? Slogan,
        IReadOnlyList<string> Labels,
        string? LogoUrl,
        string? CoverUrl,
        string? Introduction,
        string ThemeColor,
        DateTimeOffset? UpdatedAt,
        int PublicStoryCount,
        bool CanEdit);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null || !BrandRules.IsBrandUnit(unit))
        {
            return Problems.NotFound("未找到该党组织的品牌信息。");
        }

        var brand = await db.BrandProfiles.AsNoTracking().FirstOrDefaultAsync(b => b.UnitId == id, cancellationToken);
        var stories = await db.Stories.CountAsync(s => s.UnitId == id && s.Status == StoryStatus.Published && s.Visibility == Domain.Common.Visibility.Public, cancellationToken);
        var canEdit = current.IsBound && BrandRules.CanApprove(await current.GetAccessAsync(cancellationToken), id);
        return TypedResults.Ok(ToResponse(unit.Id, unit.Name, brand, stories, canEdit));
    }

    internal static Response ToResponse(int unitId, string unitName, BrandProfile? brand, int publicStories, bool canEdit) => brand is null
        ? new Response(unitId, unitName, unitName, null, [], null, null, null, BrandProfile.DefaultThemeColor, null, publicStories, canEdit)
        : new Response(
            unitId,
            unitName,
            brand.Name,
            brand.Slogan,
            brand.LabelList,
            brand.LogoMediaId is Guid logo ? BrandRules.MediaUrl(logo) : null,
            brand.CoverMediaId is Guid cover ? BrandRules.MediaUrl(cover) : null,
            brand.Introduction,
            brand.ThemeColor,
            brand.UpdatedAt,
            publicStories,
            canEdit);
}
