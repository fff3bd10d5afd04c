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
        // The unit, its branches and their groups come from the access cache's unit tree (reloaded on the request
        // after any change to a unit), so the report's own queries are only the ones that grow with the data.
        var access = await current.GetAccessAsync(cancellationToken);
        var units = await current.GetUnitsAsync(cancellationToken);
        var unit = units.Find(id);
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

        List<(int Id, string Name)> branches = unit.Kind == UnitKind.Branch
            ? [(unit.Id, unit.Name)]
            : units.Units.Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.Branch).OrderBy(u => u.Id).Select(u => (u.Id, u.Name)).ToList();
        var branchUnits = new BranchUnits(branches.Select(b => b.Id).ToList(), units);
        var groups = branchUnits.Groups.Select(g => (g.Id, g.Name, BranchId: g.ParentId!.Value)).ToList();
        var report = await MeetingRequirements.LoadAsync(db, branches, groups, start, end, now, cancellationToken);

        var latest = new Dictionary<int, DateTimeOffset>();
        foreach (var signal in signals)
        {
            foreach (var (branchId, at) in await signal.LatestAsync(branchUnits, now, cancellationToken))
            {
                if (!latest.TryGetValue(branchId, out var known) || at > known)
                {
                    latest[branchId] = at;
                }
            }
        }

        var inactiveAfter = options.Value.InactiveAfterDays;
        var heldBy = report.Held.ToLookup(m => (m.Type, m.UnitId), m => m.Day);
        var requirementsOf = report.Requirements.ToLookup(r => r.BranchId);
        var result = branches.Select(branch =>
        {
            var rows = requirementsOf[branch.Id].Select(r =>
            {
                var held = heldBy[(r.Type, r.HolderId)].ToList();
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
