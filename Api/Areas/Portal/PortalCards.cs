using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Areas.Portal;

/// <summary>A story on a list: title, excerpt, the first public image, the unit.</summary>
public sealed record StoryCard(int Id, string Title, string Excerpt, string? CoverPath, string UnitName, DateTimeOffset? PublishedAt);

/// <summary>A notice on a list.</summary>
public sealed record NoticeCard(int Id, string Title, string Excerpt, string UnitName, DateTimeOffset? PublishedAt, bool Pinned);

/// <summary>An activity on a list (China time is applied when shown).</summary>
public sealed record ActivityCard(int Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, string UnitName, bool Cancelled);

/// <summary>A branch under a general branch, as its brand names it.</summary>
public sealed record BranchCard(int Id, string Name, string? Slogan, string ThemeColor);

/// <summary>One page of a list and whether there is another after it.</summary>
public sealed record PortalList<T>(IReadOnlyList<T> Items, int Page, bool HasMore);

/// <summary>A brand page: the unit's brand, its branches (for a general branch) and its latest public content.</summary>
public sealed record BrandView(
    int UnitId,
    UnitKind Kind,
    string UnitName,
    string Name,
    string? Slogan,
    IReadOnlyList<string> Labels,
    string? Introduction,
    string ThemeColor,
    string? LogoPath,
    string? CoverPath,
    BranchCard? Parent,
    IReadOnlyList<BranchCard> Branches,
    IReadOnlyList<StoryCard> Stories,
    IReadOnlyList<NoticeCard> Notices,
    IReadOnlyList<ActivityCard> Activities);

/// <summary>Turns <see cref="PublicContent"/> queries into the cards portal pages show.</summary>
internal static class PortalCards
{
    public const int ExcerptLength = 80;

    public static async Task<PortalList<StoryCard>> StoriesAsync(AppDbContext db, IQueryable<Story> stories, int page, int size, CancellationToken cancellationToken)
    {
        var rows = await stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Skip((page - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var names = await UnitNamesAsync(db, shown.Select(s => s.UnitId), cancellationToken);
        var showable = await PublicContent.ShowableImagesAsync(db, shown.SelectMany(s => s.Images), cancellationToken);
        var cards = shown.Select(s =>
        {
            var cover = s.Images.FirstOrDefault(showable.Contains);
            return new StoryCard(s.Id, s.Title, TextCut.Shorten(Fold(s.Body), ExcerptLength), cover == Guid.Empty ? null : BrandRules.MediaUrl(cover), names[s.UnitId], s.PublishedAt);
        }).ToList();
        return new PortalList<StoryCard>(cards, page, rows.Count > size);
    }

    public static async Task<PortalList<NoticeCard>> NoticesAsync(AppDbContext db, IQueryable<Notice> notices, int page, int size, CancellationToken cancellationToken)
    {
        var rows = await notices.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Skip((page - 1) * size).Take(size + 1)
            .Select(n => new { n.Id, n.Title, n.Body, n.UnitId, n.PublishedAt, n.Pinned })
            .ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var names = await UnitNamesAsync(db, shown.Select(n => n.UnitId), cancellationToken);
        var cards = shown.Select(n => new NoticeCard(n.Id, n.Title, RichTextHtml.Excerpt(n.Body, ExcerptLength), names[n.UnitId], n.PublishedAt, n.Pinned)).ToList();
        return new PortalList<NoticeCard>(cards, page, rows.Count > size);
    }

    /// <summary>Scheduled activities, soonest first (<paramref name="soonestFirst"/>, for those still to come) or latest first.</summary>
    public static async Task<PortalList<ActivityCard>> ActivitiesAsync(AppDbContext db, IQueryable<Activity> activities, bool soonestFirst, int page, int size, CancellationToken cancellationToken)
    {
        var scheduled = activities.Where(a => a.Status == ActivityStatus.Scheduled);
        var ordered = soonestFirst ? scheduled.OrderBy(a => a.StartsAt).ThenBy(a => a.Id) : scheduled.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id);
        var rows = await ordered
            .Skip((page - 1) * size).Take(size + 1)
            .Select(a => new { a.Id, a.Title, a.StartsAt, a.EndsAt, a.Place, a.UnitId, a.Status })
            .ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var names = await UnitNamesAsync(db, shown.Select(a => a.UnitId), cancellationToken);
        var cards = shown.Select(a => new ActivityCard(a.Id, a.Title, a.StartsAt, a.EndsAt, a.Place, names[a.UnitId], a.Status == ActivityStatus.Cancelled)).ToList();
        return new PortalList<ActivityCard>(cards, page, rows.Count > size);
    }

    /// <summary>The brand page of a branch or general branch; <paramref name="unit"/> must be a brand unit.</summary>
    public static async Task<BrandView> BrandAsync(AppDbContext db, OrganizationUnit unit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var units = await PublicContent.UnitsUnderAsync(db, unit, cancellationToken);
        var brand = await db.BrandProfiles.AsNoTracking().FirstOrDefaultAsync(b => b.UnitId == unit.Id, cancellationToken);
        var branchUnits = unit.Kind == UnitKind.GeneralBranch
            ? (await ReachCalculator.BranchesOfAsync(db, unit, cancellationToken)).Where(b => !b.IsClosed).ToList()
            : [];
        var parent = unit.Kind == UnitKind.Branch && unit.ParentId is int parentId
            ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == parentId && u.ClosedOn == null, cancellationToken)
            : null;
        var cardUnits = branchUnits.Append(parent).OfType<OrganizationUnit>().ToList();
        var cardIds = cardUnits.Select(u => u.Id).ToList();
        var cardBrands = await db.BrandProfiles.AsNoTracking().Where(b => cardIds.Contains(b.UnitId)).ToDictionaryAsync(b => b.UnitId, cancellationToken);
        BranchCard Card(OrganizationUnit u) => cardBrands.TryGetValue(u.Id, out var b)
            ? new BranchCard(u.Id, b.Name, b.Slogan, b.ThemeColor)
            : new BranchCard(u.Id, u.Name, null, BrandProfile.DefaultThemeColor);

        var images = await PublicContent.ShowableImagesAsync(db, new[] { brand?.LogoMediaId, brand?.CoverMediaId }.OfType<Guid>(), cancellationToken);
        string? Image(Guid? id) => id is Guid g && images.Contains(g) ? BrandRules.MediaUrl(g) : null;

        var stories = await StoriesAsync(db, PublicContent.Stories(db, units), 1, 6, cancellationToken);
        var notices = await NoticesAsync(db, PublicContent.Notices(db, units), 1, 6, cancellationToken);
        var activities = await ActivitiesAsync(db, PublicContent.Activities(db, units).Where(a => a.EndsAt > now), soonestFirst: true, 1, 5, cancellationToken);
        return new BrandView(
            unit.Id,
            unit.Kind,
            unit.Name,
            brand?.Name ?? unit.Name,
            brand?.Slogan,
            brand?.LabelList ?? [],
            brand?.Introduction,
            brand?.ThemeColor ?? BrandProfile.DefaultThemeColor,
            Image(brand?.LogoMediaId),
            Image(brand?.CoverMediaId),
            parent is null ? null : Card(parent),
            branchUnits.Select(Card).ToList(),
            stories.Items,
            notices.Items,
            activities.Items);
    }

    public static async Task<Dictionary<int, string>> UnitNamesAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
