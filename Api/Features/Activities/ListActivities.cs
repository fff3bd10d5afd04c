using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Features.Activities;

public static class ListActivities
{
    /// <summary>One activity in a member's list, with the member's own sign-up state. MyStatus: The caller's sign-up (null when not signed up). MyWaitlistPosition: 1-based waiting-list position while waiting.</summary>
    public sealed record Item(
        int Id,
        string Title,
        string Place,
        DateTimeOffset StartsAt,
        DateTimeOffset EndsAt,
        DateTimeOffset SignUpOpensAt,
        DateTimeOffset SignUpClosesAt,
        ActivityStatus Status,
        int? Capacity,
        int ConfirmedCount,
        bool WaitingList,
        EnrollmentStatus? MyStatus,
        int? MyWaitlistPosition,
        DateTimeOffset? MyCheckedInAt);

    /// <summary>The page size (the shared list default).</summary>
    public const int PageSize = 20;

    /// <summary>
    /// <c>open</c>: upcoming activities whose audience includes the caller, soonest first; <c>mine</c>: the
    /// caller's sign-ups for activities not yet over, soonest first; <c>past</c>: activities the caller signed up for
    /// that are over, newest first (ties by id). 20 a page, keyset-paged: pass <c>nextCursor</c> back as <c>cursor</c>
    /// with the same scope. 400 for an unknown scope or a cursor that is not a previous <c>nextCursor</c> (code
    /// <c>list.invalid_cursor</c>).
    /// </summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(
        string? scope, string? cursor, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ListCursor.TryReadKeys(cursor, 2, out var after) || (after is [var afterTicks, _] && afterTicks > DateTimeOffset.MaxValue.UtcTicks))
        {
            return Problems.InvalidCursor();
        }

        var afterStart = after is null ? default : new DateTimeOffset(after[0], TimeSpan.Zero);
        var afterId = after is null ? 0 : (int)Math.Min(after[1], int.MaxValue);
        var now = time.GetUtcNow();
        var memberId = current.Id;
        var mine = db.Enrollments.Where(e => e.MemberId == memberId && e.Status != EnrollmentStatus.Cancelled);
        IQueryable<Activity> query;
        switch (scope?.ToLowerInvariant() ?? "open")
        {
            case "open":
                var access = await current.GetAccessAsync(cancellationToken);
                query = db.Activities.ReachingMember(access)
                    .Where(a => a.Status == ActivityStatus.Scheduled && a.EndsAt > now);
                query = Soonest(after is null ? query : query.Where(a => a.StartsAt > afterStart || (a.StartsAt == afterStart && a.Id > afterId)));
                break;
            case "mine":
                query = db.Activities.Where(a => a.EndsAt > now && mine.Any(e => e.ActivityId == a.Id));
                query = Soonest(after is null ? query : query.Where(a => a.StartsAt > afterStart || (a.StartsAt == afterStart && a.Id > afterId)));
                break;
            case "past":
                query = db.Activities.Where(a => a.EndsAt <= now && mine.Any(e => e.ActivityId == a.Id));
                query = (after is null ? query : query.Where(a => a.StartsAt < afterStart || (a.StartsAt == afterStart && a.Id < afterId)))
                    .OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id);
                break;
            default:
                return Problems.BadRequest("请求有误", "活动列表范围无效：只能查看可报名、我报名的或已结束的活动。");
        }

        var activities = await query.AsNoTracking().Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = activities.Count > PageSize;
        if (more)
        {
            activities.RemoveAt(PageSize);
        }

        // The caller's sign-ups on this page with their waiting-list positions, in one query (the position is the
        // number waiting with an earlier ticket, plus one; as ActivityEnrollments.PositionAsync counts it).
        var ids = activities.Select(a => a.Id).ToList();
        var enrollments = await mine.AsNoTracking().Where(e => ids.Contains(e.ActivityId))
            .Select(e => new
            {
                Enrollment = e,
                Ahead = e.Status == EnrollmentStatus.Waitlisted && e.WaitlistTicket != null
                    ? db.Enrollments.Count(o => o.ActivityId == e.ActivityId && o.Status == EnrollmentStatus.Waitlisted && o.WaitlistTicket < e.WaitlistTicket)
                    : (int?)null,
            })
            .ToDictionaryAsync(e => e.Enrollment.ActivityId, cancellationToken);
        var items = activities.Select(a =>
        {
            var mineHere = enrollments.GetValueOrDefault(a.Id);
            var enrollment = mineHere?.Enrollment;
            return new Item(
                a.Id, a.Title, a.Place, a.StartsAt, a.EndsAt, a.SignUpOpensAt, a.SignUpClosesAt, a.Status, a.Capacity, a.ConfirmedCount, a.HasWaitingList,
                enrollment?.Status, mineHere?.Ahead + 1, enrollment?.CheckedInAt);
        }).ToList();
        var last = activities.LastOrDefault();
        var next = more && last is not null ? ListCursor.WriteKeys(last.StartsAt.UtcTicks, last.Id) : null;
        return TypedResults.Ok(new ListPage<Item>(items, next));
    }

    private static IQueryable<Activity> Soonest(IQueryable<Activity> query) => query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
}
