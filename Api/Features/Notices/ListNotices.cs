using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Caching.Memory;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Api.Features.Notices;

public static class ListNotices
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>
    /// A notice in the feed, with the caller's own read and sign-off state. <c>isRecipient</c> is true when
    /// the caller is in the notice's audience (only then are reads counted); <c>unread</c> when they are and
    /// have not opened it yet.
    /// </summary>
    public sealed record Item(
        int Id,
        string Title,
        string Excerpt,
        Visibility Visibility,
        bool Pinned,
        bool RequiresAck,
        DateTimeOffset PublishedAt,
        bool Edited,
        string UnitName,
        bool IsRecipient,
        bool Unread,
        DateTimeOffset? ReadAt,
        DateTimeOffset? AckedAt);

    /// <summary>The caller's notice feed: pinned first, newest next, cursor-paged, with read state</summary>
    // A member's first page is answered from FeedCache (ready JSON, no query) while nothing it shows has changed;
    // everything else, and a miss, is read from the database.
    public static async Task<Results<Utf8JsonPage<ListPage<Item>>, ProblemHttpResult>> Handle(
        string? cursor,
        int? limit,
        CurrentMember current,
        AppDbContext db,
        IMemoryCache excerpts,
        FeedCache pages,
        TimeProvider time,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var after = default(FeedCursor?);
        if (!string.IsNullOrEmpty(cursor))
        {
            after = FeedCursor.Parse(cursor);
            if (after is null)
            {
                return Problems.InvalidCursor();
            }
        }

        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var key = after is null && current.MemberId is int member ? FeedCache.For(current, member, take, LocalCalendar.Today(time.GetUtcNow())) : null;
        if (key is { } hit && pages.TryGet(hit, out var cached))
        {
            return new Utf8JsonPage<ListPage<Item>>(cached);
        }

        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var units = await current.GetUnitsAsync(cancellationToken);
        List<Row> page;
        if (viewer.MemberId is int me && after is null)
        {
            // A member's first page, the request every opening of the mini-program makes: a compiled query (no
            // expression tree to build, funcletize and look up per request).
            var generalBranchId = units.Find(viewer.Access!.BranchId)?.ParentId;
            page = [];
            await foreach (var row in MembersFirstPage(db, me, generalBranchId, ManagedUnitIds(viewer), take + 1).WithCancellation(cancellationToken))
            {
                page.Add(row);
            }
        }
        else
        {
            page = await Project(Filter(db, viewer, units, after), db, viewer.MemberId ?? 0).Take(take + 1).ToListAsync(cancellationToken);
        }

        var hasMore = page.Count > take;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var excerptsById = await ExcerptsAsync(db, excerpts, page, cancellationToken);
        var items = page.Select(n => new Item(
            n.Id, n.Title, excerptsById.GetValueOrDefault(n.Id, string.Empty), n.Visibility, n.Pinned, n.RequiresAck, n.PublishedAt!.Value, n.Version > 1,
            units.Find(n.UnitId)?.Name ?? string.Empty, n.IsRecipient, n.IsRecipient && n.ReadAt is null, n.ReadAt, n.AckedAt)).ToList();
        var last = page.LastOrDefault();
        var next = hasMore && last is not null ? new FeedCursor(last.Pinned, last.PublishedAt!.Value, last.Id).Encode() : null;
        var body = JsonSerializer.SerializeToUtf8Bytes(new ListPage<Item>(items, next), json.Value.SerializerOptions);
        if (key is { } miss)
        {
            pages.Set(miss, body);
        }

        return new Utf8JsonPage<ListPage<Item>>(body);
    }

    /// <summary>A feed row as read: everything but the body, with the caller's own read and sign-off state.</summary>
    private sealed record Row(
        int Id, string Title, Visibility Visibility, bool Pinned, bool RequiresAck, DateTimeOffset? PublishedAt, int Version, int UnitId,
        bool IsRecipient, DateTimeOffset? ReadAt, DateTimeOffset? AckedAt);

    /// <summary>Units whose notices the member manages (none for the many members who hold no role: no walk over the tree).</summary>
    private static int[] ManagedUnitIds(Reader viewer) =>
        viewer.Access is { HasAnyManagementRole: true } ? [.. NoticeRules.ManagedUnitIds(viewer)] : [];

    /// <summary>
    /// The published notices the caller may see. For a member the visible ids come from three indexed sets
    /// (their recipient rows, the general branch's public notices, the units they manage), so the ordered scan
    /// only probes a small set instead of testing every notice of the organisation.
    /// </summary>
    private static IQueryable<Notice> Filter(AppDbContext db, Reader viewer, CachedUnits units, FeedCursor? after)
    {
        var query = db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published);
        if (viewer.MemberId is int me)
        {
            query = MembersNotices(db, me, units.Find(viewer.Access!.BranchId)?.ParentId, ManagedUnitIds(viewer));
        }
        else
        {
            // Bound to nobody yet: only what anyone opening the mini-program may see.
            query = query.Where(n => n.Visibility == Visibility.Public);
        }

        if (after is { } c)
        {
            // Keyset paging on (pinned, publishedAt, id) descending: notices published after the first page
            // sort before the cursor, so later pages neither repeat nor skip anything.
            query = c.Pinned
                ? query.Where(n => !n.Pinned || n.PublishedAt < c.PublishedAt || (n.PublishedAt == c.PublishedAt && n.Id < c.Id))
                : query.Where(n => !n.Pinned && (n.PublishedAt < c.PublishedAt || (n.PublishedAt == c.PublishedAt && n.Id < c.Id)));
        }

        return query;
    }

    // The member's filter and the projection are each written once, as expressions: the compiled first page is
    // composed from them below, and every other page runs their compiled delegates (parameters captured by a
    // delegate reach EF as query parameters, like any closure).

    /// <summary>The published notices member <c>me</c> may see (see <see cref="Filter"/>).</summary>
    private static readonly Expression<Func<AppDbContext, int, int?, int[], IQueryable<Notice>>> MembersNoticesExpression =
        (db, me, generalBranchId, managed) => db.Notices.AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Published
                && db.NoticeRecipients.Where(r => r.MemberId == me).Select(r => r.NoticeId)
                    .Union(db.Notices.Where(x => x.GeneralBranchId == generalBranchId && x.Visibility == Visibility.Public).Select(x => x.Id))
                    .Union(db.Notices.Where(x => managed.Contains(x.UnitId)).Select(x => x.Id))
                    .Contains(n.Id));

    private static readonly Func<AppDbContext, int, int?, int[], IQueryable<Notice>> MembersNotices = MembersNoticesExpression.Compile();

    /// <summary>
    /// Newest first, pinned on top, in one round trip: the caller's read and sign-off state come along as
    /// subqueries on the unique (notice, member) index; unit names come from the cached tree. No member has id 0.
    /// </summary>
    private static readonly Expression<Func<IQueryable<Notice>, AppDbContext, int, IQueryable<Row>>> ProjectExpression =
        (query, db, recipientId) => query
            .OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Select(n => new Row(
                n.Id,
                n.Title,
                n.Visibility,
                n.Pinned,
                n.RequiresAck,
                n.PublishedAt,
                n.Version,
                n.UnitId,
                db.NoticeRecipients.Any(r => r.NoticeId == n.Id && r.MemberId == recipientId),
                db.NoticeRecipients.Where(r => r.NoticeId == n.Id && r.MemberId == recipientId).Select(r => r.FirstReadAt).FirstOrDefault(),
                db.NoticeRecipients.Where(r => r.NoticeId == n.Id && r.MemberId == recipientId).Select(r => r.AckedAt).FirstOrDefault()));

    private static readonly Func<IQueryable<Notice>, AppDbContext, int, IQueryable<Row>> Project = ProjectExpression.Compile();

    /// <summary>
    /// A member's first page, compiled once: <see cref="MembersNoticesExpression"/> projected by <see cref="ProjectExpression"/>,
    /// then <c>take</c> rows.
    /// </summary>
    private static readonly Func<AppDbContext, int, int?, int[], int, IAsyncEnumerable<Row>> MembersFirstPage = EF.CompileAsyncQuery(FirstPageExpression());

    private static Expression<Func<AppDbContext, int, int?, int[], int, IQueryable<Row>>> FirstPageExpression()
    {
        var notices = MembersNoticesExpression;
        var (db, me) = (notices.Parameters[0], notices.Parameters[1]);
        var take = Expression.Parameter(typeof(int), "take");
        var rows = new ReplacingExpressionVisitor(ProjectExpression.Parameters, [notices.Body, db, me]).Visit(ProjectExpression.Body);
        var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Row)], rows, take);
        return Expression.Lambda<Func<AppDbContext, int, int?, int[], int, IQueryable<Row>>>(page, db, me, notices.Parameters[2], notices.Parameters[3], take);
    }

    /// <summary>A notice version's excerpt; an edit is a new version, so an entry never goes stale.</summary>
    private readonly record struct ExcerptKey(int NoticeId, int Version);

    private static readonly TimeSpan ExcerptSliding = TimeSpan.FromHours(1);

    /// <summary>
    /// The excerpt of each row, computed from the body once per notice version and kept in process: the feed
    /// does not read bodies (up to 20,000 characters each) on every request. The bodies of the versions not yet
    /// seen come in one query.
    /// </summary>
    private static async Task<Dictionary<int, string>> ExcerptsAsync(AppDbContext db, IMemoryCache cache, List<Row> page, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, string>(page.Count);
        List<int>? missing = null;
        foreach (var row in page)
        {
            if (cache.TryGetValue(new ExcerptKey(row.Id, row.Version), out string? excerpt) && excerpt is not null)
            {
                result[row.Id] = excerpt;
            }
            else
            {
                (missing ??= []).Add(row.Id);
            }
        }

        if (missing is not null)
        {
            var bodies = await db.Notices.AsNoTracking().Where(n => missing.Contains(n.Id)).Select(n => new { n.Id, n.Version, n.Body }).ToListAsync(cancellationToken);
            foreach (var body in bodies)
            {
                var excerpt = RichTextHtml.Excerpt(body.Body);
                cache.Set(new ExcerptKey(body.Id, body.Version), excerpt, new MemoryCacheEntryOptions { SlidingExpiration = ExcerptSliding, Size = ProcessMemoryCache.SizeOf(excerpt) });
                result[body.Id] = excerpt;
            }
        }

        return result;
    }

    /// <summary>The sort key of the last item of a page, opaque to clients.</summary>
    internal readonly record struct FeedCursor(bool Pinned, DateTimeOffset PublishedAt, int Id)
    {
        public string Encode() =>
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"1:{(Pinned ? 1 : 0)}:{PublishedAt.UtcTicks}:{Id}")));

        public static FeedCursor? Parse(string value)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split(':');
                return parts is ["1", "0" or "1", var ticks, var id]
                    && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                    && t >= DateTimeOffset.MinValue.UtcTicks && t <= DateTimeOffset.MaxValue.UtcTicks
                    && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                        ? new FeedCursor(parts[1] == "1", new DateTimeOffset(t, TimeSpan.Zero), i)
                        : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
