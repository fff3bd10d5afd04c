using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

public static class ListMeetings
{
    /// <summary>The page size (the shared list default).</summary>
    public const int PageSize = 20;

    /// <summary>How many candidate meetings one database read takes while filling a page (visibility is decided in memory).</summary>
    private const int ScanBatch = 50;

    /// <summary>
    /// Meetings the caller may see. <c>upcoming</c>: not yet ended and not cancelled, soonest first;
    /// <c>past</c>: already started, latest first; <c>mine</c>: the caller's own attendance history
    /// (every meeting they were expected at), latest first. Ties on the start are ordered by id (ascending for
    /// upcoming, descending otherwise). 20 a page, keyset-paged: pass <c>nextCursor</c> back as <c>cursor</c> with the
    /// same scope and <c>unitId</c> (null on the last page). With <c>unitId</c>, only the meetings held by that unit
    /// (as the parameter says), filtered on the server before paging, so every page but the last holds 20 of them.
    /// 400 for an unknown scope, a <c>unitId</c> that is not a whole number, or a cursor that is not a previous
    /// <c>nextCursor</c> (code <c>list.invalid_cursor</c>); 404 (未找到该党组织，或您无权查看。, as every unit endpoint) for a
    /// <c>unitId</c> that does not exist or that the caller may not see (AccessScope.CanView; Domain/README.md, People and roles).
    /// </summary>
    /// <param name="scope"><c>upcoming</c> (default), <c>past</c> or <c>mine</c>.</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c>.</param>
    /// <param name="unitId">
    /// Optional: a unit the caller may see. A party group: its 党小组会; a branch: the meetings counted for it, its own
    /// and its party groups'; a general branch: those of every branch below it (with their groups').
    /// </param>
    /// <param name="services">The caller, the database and the clock.</param>
    public static async Task<Results<Ok<ListPage<MeetingSummary>>, ProblemHttpResult>> Handle(
        string? scope,
        string? cursor,
        int? unitId,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        scope = string.IsNullOrWhiteSpace(scope) ? "upcoming" : scope.Trim().ToLowerInvariant();
        if (scope is not ("upcoming" or "past" or "mine"))
        {
            return Problems.BadRequest("参数有误", "会议列表范围无效：只能查看即将召开、已召开或我参加的会议。");
        }

        if (!ListCursor.TryReadKeys(cursor, 2, out var after) || (after is [var afterTicks, _] && afterTicks > DateTimeOffset.MaxValue.UtcTicks))
        {
            return Problems.InvalidCursor();
        }

        var access = await current.GetAccessAsync(cancellationToken);
        if (unitId is int asked && UnitAccess.Check(access, asked, _ => true) is { Error: { } refusal })
        {
            return Problems.From(refusal);
        }

        var me = current.Id;
        var now = time.GetUtcNow();
        var units = access.VisibleUnitIds();
        var soonest = scope == "upcoming";
        var query = db.Meetings.AsNoTracking();
        query = scope switch
        {
            "upcoming" => query.Where(m => m.EndsAt >= now && m.Status == MeetingStatus.Scheduled),
            "past" => query.Where(m => m.StartsAt < now),
            _ => query.Where(m => m.Attendees.Any(a => a.MemberId == me)),
        };
        if (scope != "mine")
        {
            query = query.Where(m => m.Attendees.Any(a => a.MemberId == me) || units.Contains(m.UnitId) || m.Visibility == Visibility.Public);
        }

        if (unitId is int holder)
        {
            query = HeldBy(query, access.Units, holder);
        }

        // Visibility is decided by AccessScope in memory; the query only narrows the candidates. So the page is filled
        // from successive keyset reads of candidates until it holds one more than a page (there is a next page) or the
        // candidates run out; the cursor is the last meeting shown, so a page never skips or repeats one.
        var page = new List<(Meeting Meeting, bool IsAttendee)>(PageSize + 1);
        var scanStart = after is null ? (DateTimeOffset?)null : new DateTimeOffset(after[0], TimeSpan.Zero);
        var scanId = after is null ? 0 : (int)Math.Min(after[1], int.MaxValue);
        while (page.Count <= PageSize)
        {
            var batch = await After(query, soonest, scanStart, scanId)
                .Select(m => new { Meeting = m, IsAttendee = m.Attendees.Any(a => a.MemberId == me) })
                .Take(ScanBatch)
                .ToListAsync(cancellationToken);
            page.AddRange(batch.Where(c => access.CanSee(c.Meeting, c.IsAttendee)).Select(c => (c.Meeting, c.IsAttendee)));
            if (batch.Count < ScanBatch)
            {
                break;
            }

            scanStart = batch[^1].Meeting.StartsAt;
            scanId = batch[^1].Meeting.Id;
        }

        var more = page.Count > PageSize;
        if (more)
        {
            page.RemoveRange(PageSize, page.Count - PageSize);
        }

        var ids = page.Select(p => p.Meeting.Id).ToList();
        var mine = await db.MeetingAttendees.AsNoTracking()
            .Where(a => a.MemberId == me && ids.Contains(a.MeetingId))
            .ToDictionaryAsync(a => a.MeetingId, cancellationToken);
        var recorded = await db.MeetingAttendees.AsNoTracking()
            .Where(a => ids.Contains(a.MeetingId) && (a.CheckedInAt != null || a.Status == AttendanceStatus.Absent))
            .Select(a => a.MeetingId)
            .Distinct()
            .ToListAsync(cancellationToken);

        var items = page.Select(p =>
        {
            var m = p.Meeting;
            var attendee = mine.GetValueOrDefault(m.Id);
            var held = !m.IsCancelled && (m.StartsAt <= now || recorded.Contains(m.Id));
            return new MeetingSummary(
                m.Id,
                m.Type,
                m.Type.DisplayName(),
                m.BranchId,
                m.UnitId,
                m.Topic,
                m.StartsAt,
                m.EndsAt,
                m.Place,
                m.OnlineLink,
                m.Status,
                m.Visibility,
                attendee is not null,
                attendee is null ? null : attendee.Status ?? (held ? AttendanceStatus.Absent : null));
        }).ToList();
        var last = page.Count > 0 ? page[^1].Meeting : null;
        var next = more && last is not null ? ListCursor.WriteKeys(last.StartsAt.UtcTicks, last.Id) : null;
        return TypedResults.Ok(new ListPage<MeetingSummary>(items, next));
    }

    /// <summary>
    /// The meetings held by a unit, as the console's unit picker always meant it: a party group's own meetings (党小组会,
    /// by <see cref="Meeting.UnitId"/>); for a branch every meeting counted for it (<see cref="Meeting.BranchId"/>: its own
    /// and its party groups'); for a general branch those counted for any branch below it in today's tree.
    /// </summary>
    private static IQueryable<Meeting> HeldBy(IQueryable<Meeting> query, UnitTree tree, int unitId)
    {
        switch (tree.Find(unitId)?.Kind)
        {
            case UnitKind.PartyGroup:
                return query.Where(m => m.UnitId == unitId);
            case UnitKind.Branch:
                return query.Where(m => m.BranchId == unitId);
            default:
                var branches = tree.Units.Where(u => u.Kind == UnitKind.Branch && tree.IsWithin(u.Id, unitId)).Select(u => u.Id).ToList();
                return query.Where(m => branches.Contains(m.BranchId));
        }
    }

    /// <summary>The candidates after a position in the scope's order: (start, id) ascending when soonest first, else descending.</summary>
    private static IQueryable<Meeting> After(IQueryable<Meeting> query, bool soonest, DateTimeOffset? start, int id)
    {
        if (soonest)
        {
            if (start is DateTimeOffset s)
            {
                query = query.Where(m => m.StartsAt > s || (m.StartsAt == s && m.Id > id));
            }

            return query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        }

        if (start is DateTimeOffset e)
        {
            query = query.Where(m => m.StartsAt < e || (m.StartsAt == e && m.Id < id));
        }

        return query.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id);
    }
}
