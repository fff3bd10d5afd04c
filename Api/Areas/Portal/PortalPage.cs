using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Areas.Portal;

/// <summary>What the layout puts in &lt;title&gt;, the meta description and the Open Graph share preview.</summary>
/// <param name="Title">The page's own title; the layout appends the site name.</param>
/// <param name="Description">One or two sentences, plain text, at most <see cref="PortalText.DescriptionLength"/> characters.</param>
/// <param name="Type"><c>website</c> for lists and brand pages, <c>article</c> for a story or notice.</param>
/// <param name="ImagePath">A public image (site-relative) for the share preview, or null for the site's own.</param>
public sealed record PortalMeta(string Title, string Description, string Type = "website", string? ImagePath = null);

/// <summary>The site as the header names it: the single top-level unit's brand, or a generic name when there are several.</summary>
/// <param name="Name">The brand name in the header and after every title.</param>
/// <param name="HomeUnitId">The top-level unit /portal shows, when there is exactly one.</param>
/// <param name="ThemeColor">#RRGGBB of the top-level brand (validated when it was set).</param>
/// <param name="LogoPath">The top-level brand's logo when it is a public, checked image.</param>
public sealed record PortalSite(string Name, int? HomeUnitId, string ThemeColor, string? LogoPath);

/// <summary>
/// Base of every portal page: loads the site header before the handler and offers the shared pieces. Pages read content
/// only through <see cref="PublicContent"/> and never look at who is asking, so every visitor gets the same page.
/// </summary>
public abstract class PortalPage(AppDbContext db) : PageModel
{
    /// <summary>The site name when the installation holds several top-level units.</summary>
    public const string GenericName = "党建门户";

    public const int PageSize = 20;

    protected AppDbContext Db { get; } = db;

    public PortalSite Site { get; private set; } = new(GenericName, null, BrandProfile.DefaultThemeColor, null);

    public PortalMeta Meta { get; protected set; } = new(GenericName, GenericName);

    /// <summary>True when the page answers 404 (shown with the layout, so the visitor can go on).</summary>
    public bool IsMissing { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Site = await LoadSiteAsync(Db, HttpContext.RequestAborted);
        await next();
    }

    /// <summary>
    /// A 404 page naming what was not found (<paramref name="what"/>: 该通知, 该活动, …): the same answer for an unknown
    /// id as for one that is not public.
    /// </summary>
    protected PageResult Missing(string what)
    {
        IsMissing = true;
        Meta = new PortalMeta("未找到", $"您访问的{what}不存在或未公开。");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The absolute address of a site path, for canonical links and share previews.</summary>
    public string Absolute(string path) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";

    /// <summary>A brand unit (branch or general branch) that is not closed, or null.</summary>
    protected async Task<OrganizationUnit?> FindBrandUnitAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await Db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return unit is not null && BrandRules.IsBrandUnit(unit) && !unit.IsClosed ? unit : null;
    }

    /// <summary>The unit a list is narrowed to (<c>?unit=</c>), if any.</summary>
    public BranchCard? Scope { get; private set; }

    /// <summary>
    /// The units a list covers: everything (null) without <paramref name="unitId"/>, else the brand unit and everything
    /// below it; false when <paramref name="unitId"/> names no brand unit.
    /// </summary>
    protected async Task<(bool Found, IReadOnlyList<int>? Units)> ScopeAsync(int? unitId, CancellationToken cancellationToken)
    {
        if (unitId is not int id)
        {
            return (true, null);
        }

        if (await FindBrandUnitAsync(id, cancellationToken) is not { } unit)
        {
            return (false, null);
        }

        var brand = await Db.BrandProfiles.AsNoTracking().FirstOrDefaultAsync(b => b.UnitId == id, cancellationToken);
        Scope = new BranchCard(unit.Id, brand?.Name ?? unit.Name, brand?.Slogan, brand?.ThemeColor ?? BrandProfile.DefaultThemeColor);
        return (true, await PublicContent.UnitsUnderAsync(Db, unit, cancellationToken));
    }

    /// <summary>The link of another page of the current list: a format string with {0} for the page number.</summary>
    public string PageLink(string path) => Scope is null ? $"{path}?page={{0}}" : $"{path}?unit={Scope.Id}&page={{0}}";

    private static async Task<PortalSite> LoadSiteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var roots = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == null && u.Kind == UnitKind.GeneralBranch && u.ClosedOn == null)
            .Select(u => new { u.Id, u.Name })
            .Take(2)
            .ToListAsync(cancellationToken);
        if (roots.Count != 1)
        {
            return new PortalSite(GenericName, null, BrandProfile.DefaultThemeColor, null);
        }

        var root = roots[0];
        var brand = await db.BrandProfiles.AsNoTracking().FirstOrDefaultAsync(b => b.UnitId == root.Id, cancellationToken);
        var logo = brand?.LogoMediaId is Guid id && (await PublicContent.ShowableImagesAsync(db, [id], cancellationToken)).Count == 1 ? BrandRules.MediaUrl(id) : null;
        return new PortalSite(brand?.Name ?? root.Name, root.Id, brand?.ThemeColor ?? BrandProfile.DefaultThemeColor, logo);
    }
}

/// <summary>Text shaping for the portal: China-time dates, descriptions, paragraphs.</summary>
public static class PortalText
{
    public const int DescriptionLength = 120;

    /// <summary>2026年11月30日 in China time.</summary>
    public static string Date(DateTimeOffset? at) => at is { } value ? LocalCalendar.ToLocal(value).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>2026年11月30日 14:30 in China time.</summary>
    public static string DateTime(DateTimeOffset at) => LocalCalendar.ToLocal(at).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A meta description: whitespace folded, cut between whole characters.</summary>
    public static string Describe(string? text, string fallback)
    {
        var folded = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length == 0 ? fallback : TextCut.Shorten(folded, DescriptionLength);
    }

    /// <summary>A brand's theme colour when it is #RRGGBB (as UpdateBrand checks), else the default: it goes into a style attribute.</summary>
    public static string Color(string? color) =>
        color is { Length: 7 } && color[0] == '#' && color.Skip(1).All(char.IsAsciiHexDigit) ? color : BrandProfile.DefaultThemeColor;

    /// <summary>Plain text split into paragraphs at line breaks.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
