using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

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

    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(
        string? cursor,
        int? limit,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        var after = default(FeedCursor?);
        if (!string.IsNullOrEmpty(cursor))
        {
            after = FeedCursor.Parse(cursor);
            if (after is null)
            {
                return Problems.BadRequest("分页参数无效", "cursor 无效，请从第一页重新加载。");
            }
        }

        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var viewer = await NoticeViewer.LoadAsync(current, cancellationToken);
        var units = await current.GetUnitsAsync(cancellationToken);
        var query = db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published);
        if (viewer.MemberId is int me)
        {
            // The ids the member may see, each from its own index (their recipient rows, the general branch's
            // public notices, the units they manage), so the ordered scan below only probes a small set instead
            // of testing every notice of the organisation.
            var managed = NoticeRules.ManagedUnitIds(viewer);
            var generalBranchId = units.Find(viewer.Access!.BranchId)?.ParentId;
            var visible = db.NoticeRecipients.Where(r => r.MemberId == me).Select(r => r.NoticeId)
                .Union(db.Notices.Where(n => n.GeneralBranchId == generalBranchId && n.Visibility == Visibility.Public).Select(n => n.Id))
                .Union(db.Notices.Where(n => managed.Contains(n.UnitId)).Select(n => n.Id));
            query = query.Where(n => visible.Contains(n.Id));
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

        // One round trip: the caller's read and sign-off state come along as subqueries on the unique
        // (notice, member) index; unit names come from the cached tree.
        var recipientId = viewer.MemberId ?? 0; // no member has id 0
        var page = await query
            .OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Take(take + 1)
            .Select(n => new
            {
                n.Id,
                n.Title,
                n.Body,
                n.Visibility,
                n.Pinned,
                n.RequiresAck,
                n.PublishedAt,
                n.Version,
                n.UnitId,
                IsRecipient = db.NoticeRecipients.Any(r => r.NoticeId == n.Id && r.MemberId == recipientId),
                ReadAt = db.NoticeRecipients.Where(r => r.NoticeId == n.Id && r.MemberId == recipientId).Select(r => r.FirstReadAt).FirstOrDefault(),
                AckedAt = db.NoticeRecipients.Where(r => r.NoticeId == n.Id && r.MemberId == recipientId).Select(r => r.AckedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var hasMore = page.Count > take;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var items = page.Select(n => new Item(
            n.Id, n.Title, NoticeHtml.Excerpt(n.Body), n.Visibility, n.Pinned, n.RequiresAck, n.PublishedAt!.Value, n.Version > 1,
            units.Find(n.UnitId)?.Name ?? string.Empty, n.IsRecipient, n.IsRecipient && n.ReadAt is null, n.ReadAt, n.AckedAt)).ToList();
        var last = page.LastOrDefault();
        var next = hasMore && last is not null ? new FeedCursor(last.Pinned, last.PublishedAt!.Value, last.Id).Encode() : null;
        return TypedResults.Ok(new ListPage<Item>(items, next));
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
