using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

public static class GetCompliance
{
    private const int MaxDays = 5 * 366;

    /// <summary>
    /// One meeting type (for group meetings: one party group) over the period: how many meetings its cadence
    /// requires, how many were held (for 主题党日 also activities marked <c>themedPartyDay</c>), and the months, quarters or years without one (2026-03, 2026-Q1, 2026).
    /// </summary>
    public sealed record Row(MeetingType Type, string TypeName, Cadence Cadence, string CadenceName, int UnitId, string UnitName, int Required, int Held, IReadOnlyList<string> Missing);

    /// <summary>A branch's figures; <c>inactive</c> when nothing happened for <c>inactiveAfterDays</c> days.</summary>
    public sealed record BranchCompliance(int BranchId, string BranchName, bool Inactive, DateTimeOffset? LastActivityAt, int InactiveAfterDays, IReadOnlyList<Row> Rows);

    /// <summary>For a branch: that branch; for a general branch (admins): every branch under it, side by side.</summary>
    public sealed record Response(int UnitId, string UnitName, DateOnly From, DateOnly To, IReadOnlyList<BranchCompliance> Branches);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        DateOnly? from,
        DateOnly? to,
        AppDbContext db,
        CurrentMember current,
        IEnumerable<IBranchLifeSign> signals,
        IOptions<MeetingOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null || unit.Kind == UnitKind.PartyGroup || !access.CanManage(unit.Id))
        {
            return Problems.NotFound("组织不存在或您无权查看其会议统计。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        if (end < start)
        {
            return Problems.BadRequest("时间范围有误", "结束日期不能早于开始日期。");
        }

        if (end.DayNumber - start.DayNumber > MaxDays)
        {
            return Problems.BadRequest("时间范围有误", "统计范围不能超过5年。");
        }

        var branches = unit.Kind == UnitKind.Branch
            ? new[] { new { unit.Id, unit.Name } }.ToList()
            : await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.Branch).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var branchIds = branches.Select(b => b.Id).ToList();
        var groups = await db.Units.AsNoTracking()
            .Where(u => u.ParentId != null && branchIds.Contains(u.ParentId.Value) && u.Kind == UnitKind.PartyGroup)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, BranchId = u.ParentId!.Value })
            .ToListAsync(cancellationToken);
        var overrides = await db.MeetingCadences.AsNoTracking()
            .Where(c => branchIds.Contains(c.BranchId))
            .ToDictionaryAsync(c => (c.BranchId, c.Type), c => c.Cadence, cancellationToken);

        var rangeStart = LocalCalendar.StartOf(start);
        var rangeEnd = LocalCalendar.StartOf(end.AddDays(1));
        var meetings = (await db.Meetings.AsNoTracking()
                .Where(m => branchIds.Contains(m.BranchId) && m.Status == MeetingStatus.Scheduled && m.StartsAt >= rangeStart && m.StartsAt < rangeEnd)
                .Select(m => new
                {
                    m.BranchId,
                    m.UnitId,
                    m.Type,
                    m.StartsAt,
                    Recorded = m.Attendees.Any(a => a.CheckedInAt != null || a.Status == AttendanceStatus.Absent),
                })
                .ToListAsync(cancellationToken))
            .Where(m => m.StartsAt <= now || m.Recorded)
            .Select(m => (m.BranchId, m.UnitId, m.Type, Day: LocalCalendar.Today(m.StartsAt)))
            .ToList();

        // A branch's 主题党日 is often an activity with sign-up: one marked as such, organised by the branch
        // (or one of its groups), not cancelled and started counts like a ThemedPartyDay meeting of the branch.
        var themedActivities = await (
                from activity in db.Activities.AsNoTracking()
                join organizer in db.Units on activity.UnitId equals organizer.Id
                where activity.IsThemedPartyDay && activity.Status == ActivityStatus.Scheduled
                    && activity.StartsAt >= rangeStart && activity.StartsAt < rangeEnd && activity.StartsAt <= now
                let branchId = organizer.Kind == UnitKind.PartyGroup ? organizer.ParentId!.Value : organizer.Id
                where branchIds.Contains(branchId)
                select new { BranchId = branchId, activity.StartsAt })
            .ToListAsync(cancellationToken);
        meetings.AddRange(themedActivities.Select(a => (a.BranchId, UnitId: a.BranchId, Type: MeetingType.ThemedPartyDay, Day: LocalCalendar.Today(a.StartsAt))));

        var latest = new Dictionary<int, DateTimeOffset>();
        foreach (var signal in signals)
        {
            foreach (var (branchId, at) in await signal.LatestAsync(branchIds, now, cancellationToken))
            {
                if (!latest.TryGetValue(branchId, out var known) || at > known)
                {
                    latest[branchId] = at;
                }
            }
        }

        var inactiveAfter = options.Value.InactiveAfterDays;
        var result = branches.Select(branch =>
        {
            var rows = new List<Row>();
            foreach (var type in MeetingTypes.All)
            {
                var cadence = overrides.GetValueOrDefault((branch.Id, type), type.DefaultCadence());
                var periods = cadence.Periods(start, end);
                var holders = type.IsHeldByGroup()
                    ? groups.Where(g => g.BranchId == branch.Id).Select(g => (g.Id, g.Name)).ToList()
                    : new List<(int Id, string Name)> { (branch.Id, branch.Name) };
                foreach (var (holderId, holderName) in holders)
                {
                    var held = meetings.Where(m => m.Type == type && m.UnitId == holderId).Select(m => m.Day).ToList();
                    var missing = periods.Where(p => !held.Any(p.Contains)).Select(p => p.Label).ToList();
                    rows.Add(new Row(type, type.DisplayName(), cadence, cadence.DisplayName(), holderId, holderName, periods.Count, held.Count, missing));
                }
            }

            var last = latest.TryGetValue(branch.Id, out var at) ? at : (DateTimeOffset?)null;
            var inactive = last is null || now - last.Value > TimeSpan.FromDays(inactiveAfter);
            return new BranchCompliance(branch.Id, branch.Name, inactive, last, inactiveAfter, rows);
        }).ToList();

        return TypedResults.Ok(new Response(unit.Id, unit.Name, start, end, result));
    }
}
