using Microsoft.AspNetCore.Mvc;

namespace SmartBranch.Api.Areas.Portal.Pages.Units;

/// <summary>/portal/units/{id}: the brand page of a branch or general branch (404 for party groups, closed and unknown units).</summary>
public sealed class ShowUnitModel(AppDbContext db, TimeProvider time) : PortalPage(db)
{
    public BrandView Brand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindBrandUnitAsync(id, cancellationToken) is not { } unit)
        {
            return Missing("党组织");
        }

        Brand = await PortalCards.BrandAsync(Db, unit, time.GetUtcNow(), cancellationToken);
        Meta = new PortalMeta(Brand.Name, PortalText.Describe(Brand.Introduction ?? Brand.Slogan, $"{Brand.Name}的先锋事迹、通知公告和党建活动。"), ImagePath: Brand.CoverPath ?? Brand.LogoPath);
        return Page();
    }
}
