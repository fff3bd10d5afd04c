using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class ListStories
{
    /// <summary>A story in a list: the first image as cover.</summary>
    public sealed record Item(int Id, int UnitId, string Title, string Excerpt, Visibility Visibility, StoryStatus Status, string? CoverUrl, int ImageCount, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int LikeCount, int CommentCount);

    /// <summary>
    /// Stories the caller may read: published stories of <c>unitId</c> (or of every unit they can see, plus
    /// public ones of their general branch), their own submissions, and, for the committee, submissions
    /// waiting for approval (<c>status=pending</c> lists only those).
    /// </summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(
        int? unitId,
        string? cursor,
        int? limit,
        string? status,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 20, 1, 50);
        if (!ListCursor.TryReadId(cursor, out var before))
        {
            return Problems.InvalidCursor();
        }

        if (status is not (null or "" or "all" or "pending"))
        {
            return Problems.BadRequest("状态参数无效", "事迹筛选无效：只能查看全部或待审核的事迹。");
        }

        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var access = viewer.Access;
        if (unitId is int asked)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == asked, cancellationToken);
            if (unit is null || !BrandRules.IsBrandUnit(unit))
            {
                return Problems.NotFound("未找到该党组织的品牌信息。");
            }
        }

        var visibleUnits = access?.VisibleUnitIds() ?? [];
        var approvable = access is null ? [] : visibleUnits.Where(u => BrandRules.CanApprove(access, u)).ToList();
        var me = viewer.MemberId ?? 0;
        var query = db.Stories.AsNoTracking().Where(s => unitId == null || s.UnitId == unitId);
        query = status == "pending"
            ? query.Where(s => s.Status == StoryStatus.PendingApproval && (approvable.Contains(s.UnitId) || s.AuthorMemberId == me))
            : query.Where(s =>
                (s.Status == StoryStatus.Published && (s.Visibility == Visibility.Public || visibleUnits.Contains(s.UnitId)))
                || s.AuthorMemberId == me
                || approvable.Contains(s.UnitId));
        if (before is long b)
        {
            query = query.Where(s => s.Id < b);
        }

        var stories = await query.OrderByDescending(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = stories.Take(take).ToList();
        var showable = await BrandRules.ShowableImagesAsync(db, page, cancellationToken);
        var authorIds = page.Select(s => s.AuthorMemberId).Distinct().ToList();
        var authors = await db.Members.AsNoTracking().Where(m => authorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var items = page.Select(s =>
        {
            var images = s.Images.Where(i => showable.Contains(i) || s.AuthorMemberId == me).ToList();
            return new Item(s.Id, s.UnitId, s.Title, TextCut.Shorten(s.Body, 80), s.Visibility, s.Status,
                images.Count > 0 ? BrandRules.MediaUrl(images[0]) : null, images.Count, authors[s.AuthorMemberId], s.CreatedAt, s.PublishedAt, s.LikeCount, s.CommentCount);
        }).ToList();
        var next = stories.Count > take ? page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new ListPage<Item>(items, next));
    }
}
