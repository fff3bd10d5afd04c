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

    public sealed record Response(string Scope, IReadOnlyList<Item> Items);

    private const int MaxItems = 200;

    /// <summary>
    /// <c>open</c>: upcoming activities whose audience includes the caller, soonest first; <c>mine</c>: the
    /// caller's sign-ups for activities not yet over; <c>past</c>: activities the caller signed up for that are over.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string? scope, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var memberId = current.Id;
        var mine = db.Enrollments.Where(e => e.MemberId == memberId && e.Status != EnrollmentStatus.Cancelled);
        IQueryable<Activity> query;
        switch (scope?.ToLowerInvariant() ?? "open")
        {
            case "open":
                var access = await current.GetAccessAsync(cancellationToken);
                query = db.Activities.ReachingMember(access)
                    .Where(a => a.Status == ActivityStatus.Scheduled && a.EndsAt > now)
                    .OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
                break;
            case "mine":
                query = db.Activities.Where(a => a.EndsAt > now && mine.Any(e => e.ActivityId == a.Id))
                    .OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
                break;
            case "past":
                query = db.Activities.Where(a => a.EndsAt <= now && mine.Any(e => e.ActivityId == a.Id))
                    .OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id);
                break;
            default:
                return Problems.BadRequest("请求有误", "scope 只能是 open、mine 或 past。");
        }

        var activities = await query.AsNoTracking().Take(MaxItems).ToListAsync(cancellationToken);
        var ids = activities.Select(a => a.Id).ToList();
        var enrollments = await mine.AsNoTracking().Where(e => ids.Contains(e.ActivityId)).ToDictionaryAsync(e => e.ActivityId, cancellationToken);
        var items = new List<Item>(activities.Count);
        foreach (var a in activities)
        {
            var enrollment = enrollments.GetValueOrDefault(a.Id);
            var position = enrollment is null ? null : await ActivityEnrollments.PositionAsync(db, enrollment, cancellationToken);
            items.Add(new Item(
                a.Id, a.Title, a.Place, a.StartsAt, a.EndsAt, a.SignUpOpensAt, a.SignUpClosesAt, a.Status, a.Capacity, a.ConfirmedCount, a.HasWaitingList,
                enrollment?.Status, position, enrollment?.CheckedInAt));
        }

        return TypedResults.Ok(new Response(scope?.ToLowerInvariant() ?? "open", items));
    }
}
