using System.Globalization;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Api.Features.Study;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Brand;

public static class GetScreenTrends
{
    /// <summary>
    /// One China-local month (<c>month</c> like 2026-03) of the screen's branches, aggregate figures only:
    /// <list type="bullet">
    /// <item><c>meetingsRequired</c>: meetings due by the end of the month under each type's cadence (a monthly type once a
    /// month, a quarterly one in the quarter's last month, a yearly one in December; group meetings once per party group);
    /// <c>meetingsHeld</c>: meetings of those types held that month (as in the compliance report, 主题党日 activities included);</item>
    /// <item><c>attendanceExpected</c>, <c>attended</c>, <c>attendanceRate</c> (0–1, null without anyone expected): the rolls of
    /// every meeting of the branches that ended that month, whatever its visibility (only the counts are shown);</item>
    /// <item><c>attention</c>, <c>coverage</c> (0–1), <c>heat</c>: reach of the units' stories and notices that month (README, "Reach");</item>
    /// <item><c>studyMaterialHours</c>, <c>studyMeetingHours</c>, <c>studyHours</c> (class hours, 学时, their sum): the study hours
    /// (学习时长) the branches' members earned that month, counted as each member's own hours are (Api/Features/Study/README.md,
    /// "Hours"): materials by the China-time day of completion, attended 党课 and 主题党日 by the day of the meeting. Only
    /// the sums appear, never a member or a material.</item>
    /// </list>
    /// </summary>
    public sealed record Month(
        string Label,
        int MeetingsRequired,
        int MeetingsHeld,
        int AttendanceExpected,
        int Attended,
        double? AttendanceRate,
        int Attention,
        double Coverage,
        double Heat,
        decimal StudyMaterialHours,
        decimal StudyMeetingHours,
        decimal StudyHours);

    /// <summary>The last twelve months, oldest first, the current month last (so far).</summary>
    public sealed record Response(DateOnly From, DateOnly To, IReadOnlyList<Month> Months);

    public const int Months = 12;

    /// <summary>200 with the months; 404 for an unknown or revoked token.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string token,
        HttpContext context,
        AppDbContext db,
        ReachCalculator calculator,
        IOptions<StudyOptions> studyOptions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var scope = await ScreenScope.ForRequestAsync(context, db, token, cancellationToken);
        if (scope is null)
        {
            return ScreenScope.Unknown;
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        var starts = Enumerable.Range(0, Months).Select(i => from.AddMonths(i)).ToList();
        int IndexOf(DateOnly day) => ((day.Year - from.Year) * 12) + day.Month - from.Month;
        var lastDay = starts[^1].AddMonths(1).AddDays(-1);

        var report = await MeetingRequirements.LoadAsync(db, scope.Branches.Select(b => (b.Id, b.Name)).ToList(), from, today, now, cancellationToken);
        var required = new int[Months];
        var held = new int[Months];
        var counted = report.Requirements.Where(r => r.Cadence != Cadence.NotRequired).Select(r => (r.Type, r.HolderId)).ToHashSet();
        foreach (var period in report.Requirements.SelectMany(r => r.Periods).Where(p => p.End <= lastDay))
        {
            required[IndexOf(period.End)]++;
        }

        foreach (var meeting in report.Held.Where(m => counted.Contains((m.Type, m.UnitId))))
        {
            held[IndexOf(meeting.Day)]++;
        }

        var branchIds = scope.BranchIds.ToList();
        var unitIds = scope.UnitIds.ToList();
        var rangeStart = LocalCalendar.StartOf(from);
        var ended = db.Meetings.AsNoTracking()
            .Where(m => (branchIds.Contains(m.BranchId) || unitIds.Contains(m.UnitId)) && m.Status == MeetingStatus.Scheduled && m.EndsAt >= rangeStart && m.EndsAt <= now);
        var rolls = await db.MeetingAttendees.AsNoTracking()
            .Join(ended, a => a.MeetingId, m => m.Id, (a, m) => new { m.EndsAt, Came = a.CheckedInAt != null || a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late })
            .ToListAsync(cancellationToken);
        var expected = new int[Months];
        var attended = new int[Months];
        foreach (var row in rolls)
        {
            var i = IndexOf(LocalCalendar.Today(row.EndsAt));
            expected[i]++;
            attended[i] += row.Came ? 1 : 0;
        }

        var data = await calculator.LoadAsync(scope.Branches.Select(b => b.Id).Append(scope.Unit.Id).Distinct().ToList(), branchIds, rangeStart, LocalCalendar.StartOf(today.AddDays(1)), cancellationToken);
        var audienceBranches = branchIds.ToHashSet();
        var audience = data.MemberBranch.Values.Count(audienceBranches.Contains);
        bool InAudience(int memberId) => audienceBranches.Contains(data.MemberBranch.GetValueOrDefault(memberId));

        var materialHours = new decimal[Months];
        var meetingHours = new decimal[Months];
        var memberIds = data.MemberBranch.Keys.ToList();
        for (var year = from.Year; year <= today.Year; year++)
        {
            var hours = await StudyHours.ForAsync(db, memberIds, year, studyOptions.Value, cancellationToken);
            foreach (var entry in hours.Values.SelectMany(h => h.Entries).Where(e => e.On >= from && e.On <= lastDay))
            {
                (entry.Source == StudyHoursSource.Material ? materialHours : meetingHours)[IndexOf(entry.On)] += entry.Hours;
            }
        }

        var months = starts.Select((start, i) =>
        {
            var monthStart = LocalCalendar.StartOf(start);
            var monthEnd = LocalCalendar.StartOf(start.AddMonths(1));
            var reach = calculator.Figure(data.Interactions.Where(x => x.At >= monthStart && x.At < monthEnd), InAudience, audience, monthEnd < now ? monthEnd : now);
            return new Month(
                start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                required[i],
                held[i],
                expected[i],
                attended[i],
                expected[i] == 0 ? null : Math.Round((double)attended[i] / expected[i], 4),
                reach.Attention,
                reach.Coverage,
                reach.Heat,
                materialHours[i],
                meetingHours[i],
                materialHours[i] + meetingHours[i]);
        }).ToList();
        return TypedResults.Ok(new Response(from, today, months));
    }
}
