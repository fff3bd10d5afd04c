using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Features.Activities;

/// <summary>An activity of the branch (or one of its groups) that has started and was not cancelled counts as a sign of life.</summary>
internal sealed class ActivityHeldSign(AppDbContext db) : IBranchLifeSign
{
    // Per unit (the branches and their groups) one seek to its latest started activity through (UnitId, StartsAt).
    public Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(BranchUnits branches, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.LatestPerBranchAsync(
            branches,
            u => new UnitLatestSign(u.Id, db.Activities.Where(a => a.UnitId == u.Id && a.Status == ActivityStatus.Scheduled && a.StartsAt <= now).Max(a => (DateTimeOffset?)a.StartsAt)),
            cancellationToken);
}

/// <summary>The activities a member has a place in (or is waiting for), for their calendar feed.</summary>
internal sealed class ActivityCalendarSource(AppDbContext db) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(int memberId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var activities = await (
                from enrollment in db.Enrollments.AsNoTracking()
                join activity in db.Activities.AsNoTracking() on enrollment.ActivityId equals activity.Id
                where enrollment.MemberId == memberId && enrollment.Status != EnrollmentStatus.Cancelled
                where activity.StartsAt >= @from && activity.StartsAt < to
                orderby activity.StartsAt
                select new { activity, enrollment.Status })
            .ToListAsync(cancellationToken);
        return activities.Select(x => new CalendarItem(
                $"activity-{x.activity.Id}@smartbranch",
                x.Status == EnrollmentStatus.Waitlisted ? $"（候补）{x.activity.Title}" : x.activity.Title,
                x.activity.Status == ActivityStatus.Cancelled ? $"{x.activity.Description}\n本次活动已取消。".Trim() : x.activity.Description,
                x.activity.Place,
                x.activity.StartsAt,
                x.activity.EndsAt,
                x.activity.Status == ActivityStatus.Cancelled,
                // Activities keep no edit counter; seconds since creation of the last edit only ever grow, which is all SEQUENCE needs.
                (int)Math.Min(int.MaxValue, x.activity.UpdatedAt.ToUnixTimeSeconds() - x.activity.CreatedAt.ToUnixTimeSeconds()),
                x.activity.UpdatedAt))
            .ToList();
    }
}
