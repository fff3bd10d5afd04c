using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

public static class GetAttendanceTrend
{
    public const int MaxMonths = 36;

    /// <summary>
    /// One month (China time, "yyyy-MM") of meetings that have ended: how many, how many people were expected, present
    /// (present or late, <c>MeetingAttendee.IsPresent</c>), on leave, and <c>rate</c> = present / expected (0 with nobody expected).
    /// </summary>
    public sealed record Month(string Name, int Meetings, int Expected, int Present, int OnLeave, double Rate);

    /// <summary>The months from oldest to this one, every month listed (zeros where nothing was held).</summary>
    public sealed record Response(int UnitId, string UnitName, IReadOnlyList<Month> Months);

    /// <summary>
    /// Attendance at the meetings of a branch (for a general branch: of every branch under it) month by month, for the
    /// console's dashboard. <c>months</c> 1–36 (default 12). Cancelled meetings do not count. Who may see it: as for the
    /// compliance report, whoever manages the unit (404 for anyone else and for party groups); 400 for a bad range.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        int? months,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null || unit.Kind == UnitKind.PartyGroup || !access.CanManage(unit.Id))
        {
            return Problems.NotFound("组织不存在或您无权查看其会议统计。");
        }

        var count = months ?? 12;
        if (count is < 1 or > MaxMonths)
        {
            return Problems.BadRequest("时间范围有误", $"月份数应在1到{MaxMonths}之间。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - count);
        var rangeStart = LocalCalendar.StartOf(first);
        var branchIds = unit.Kind == UnitKind.Branch
            ? [unit.Id]
            : await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.Branch).Select(u => u.Id).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => branchIds.Contains(m.BranchId) && m.Status == MeetingStatus.Scheduled && m.StartsAt >= rangeStart && m.EndsAt <= now)
            .Select(m => new { m.Id, m.StartsAt })
            .ToListAsync(cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var attendees = await db.MeetingAttendees.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).ToListAsync(cancellationToken);
        var byMeeting = attendees.ToLookup(a => a.MeetingId);

        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var month = first.AddMonths(i);
            var held = meetings.Where(m => LocalCalendar.Today(m.StartsAt) is var day && day.Year == month.Year && day.Month == month.Month).ToList();
            var roll = held.SelectMany(m => byMeeting[m.Id]).ToList();
            var present = roll.Count(a => a.IsPresent);
            return new Month(
                month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                held.Count,
                roll.Count,
                present,
                roll.Count(a => a.Status == AttendanceStatus.OnLeave),
                roll.Count == 0 ? 0 : Math.Round((double)present / roll.Count, 4));
        }).ToList();
        return TypedResults.Ok(new Response(unit.Id, unit.Name, rows));
    }
}
