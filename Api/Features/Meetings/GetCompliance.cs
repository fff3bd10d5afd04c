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
        var report = await MeetingRequirements.LoadAsync(db, branches.Select(b => (b.Id, b.Name)).ToList(), start, end, now, cancellationToken);

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
            var rows = report.Requirements.Where(r => r.BranchId == branch.Id).Select(r =>
            {
                var held = report.Held.Where(m => m.Type == r.Type && m.UnitId == r.HolderId).Select(m => m.Day).ToList();
                var missing = r.Periods.Where(p => !held.Any(p.Contains)).Select(p => p.Label).ToList();
                return new Row(r.Type, r.Type.DisplayName(), r.Cadence, r.Cadence.DisplayName(), r.HolderId, r.HolderName, r.Periods.Count, held.Count, missing);
            }).ToList();

            var last = latest.TryGetValue(branch.Id, out var at) ? at : (DateTimeOffset?)null;
            var inactive = last is null || now - last.Value > TimeSpan.FromDays(inactiveAfter);
            return new BranchCompliance(branch.Id, branch.Name, inactive, last, inactiveAfter, rows);
        }).ToList();

        return TypedResults.Ok(new Response(unit.Id, unit.Name, start, end, result));
    }
}
