using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Areas.Portal.Pages;

/// <summary>
/// /portal: the organisation's brand page when the installation holds one general branch (the usual case), otherwise
/// the list of general branches.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PortalPage(db)
{
    public BrandView? Brand { get; private set; }

    public IReadOnlyList<BranchCard> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Site.HomeUnitId is int home && await FindBrandUnitAsync(home, cancellationToken) is { } unit)
        {
            Brand = await PortalCards.BrandAsync(Db, unit, time.GetUtcNow(), cancellationToken);
            Meta = new PortalMeta(Site.Name, PortalText.Describe(Brand.Introduction ?? Brand.Slogan, $"{Brand.Name}的先锋事迹、通知公告和党建活动。"), ImagePath: Brand.CoverPath ?? Brand.LogoPath);
            return;
        }

        var roots = await Db.Units.AsNoTracking()
            .Where(u => u.ParentId == null && u.Kind == UnitKind.GeneralBranch && u.ClosedOn == null)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name })
            .ToListAsync(cancellationToken);
        var ids = roots.Select(r => r.Id).ToList();
        var brands = await Db.BrandProfiles.AsNoTracking().Where(b => ids.Contains(b.UnitId)).ToDictionaryAsync(b => b.UnitId, cancellationToken);
        Roots = roots.Select(r => brands.TryGetValue(r.Id, out var b)
            ? new BranchCard(r.Id, b.Name, b.Slogan, b.ThemeColor)
            : new BranchCard(r.Id, r.Name, null, BrandProfile.DefaultThemeColor)).ToList();
        Meta = new PortalMeta(Site.Name, "各党组织的品牌、先锋事迹、通知公告和党建活动。");
    }
}
