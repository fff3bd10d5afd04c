using System.Runtime.CompilerServices;
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

        // Children from the tree's own index: the work follows the general branch's branches and groups, not
        // the thousand units of the whole organisation.
        var children = UnitChildren.Of(units);
        List<(int Id, string Name)> branches = unit.Kind == UnitKind.Branch
            ? [(unit.Id, unit.Name)]
            : [.. children[unit.Id].Where(u => u.Kind == UnitKind.Branch).Select(u => (u.Id, u.Name))];
        var groupEntries = branches.SelectMany(b => children[b.Id].Where(u => u.Kind == UnitKind.PartyGroup)).OrderBy(g => g.Id).ToList();
        var branchUnits = new BranchUnits(branches.Select(b => b.Id).ToList(), groupEntries);
        var groups = groupEntries.Select(g => (g.Id, g.Name, BranchId: g.ParentId!.Value)).ToList();
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
        var result = new List<BranchCompliance>(branches.Count);
        foreach (var branch in branches)
        {
            var requirements = requirementsOf[branch.Id];
            var rows = new List<Row>(requirements.Count());
            foreach (var r in requirements)
            {
                var (held, missing) = Tally(r.Periods, heldBy[(r.Type, r.HolderId)]);
                rows.Add(new Row(r.Type, r.Type.DisplayName(), r.Cadence, r.Cadence.DisplayName(), r.HolderId, r.HolderName, r.Periods.Count, held, missing));
            }

            var last = latest.TryGetValue(branch.Id, out var at) ? at : (DateTimeOffset?)null;
            var inactive = last is null || now - last.Value > TimeSpan.FromDays(inactiveAfter);
            result.Add(new BranchCompliance(branch.Id, branch.Name, inactive, last, inactiveAfter, rows));
        }

        return TypedResults.Ok(new Response(unit.Id, unit.Name, start, end, result));
    }

    /// <summary>
    /// How many meetings a holder held and the labels of the periods without one: each held day is placed in its
    /// period by a binary search over the ordered periods, so a row costs its meetings plus its periods, not their product.
    /// </summary>
    private static (int Held, IReadOnlyList<string> Missing) Tally(IReadOnlyList<CadencePeriod> periods, IEnumerable<DateOnly> days)
    {
        Span<bool> covered = periods.Count <= 128 ? stackalloc bool[periods.Count] : new bool[periods.Count];
        var held = 0;
        foreach (var day in days)
        {
            held++;
            var low = 0;
            var high = periods.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (day < periods[middle].Start)
                {
                    high = middle - 1;
                }
                else if (day > periods[middle].End)
                {
                    low = middle + 1;
                }
                else
                {
                    covered[middle] = true;
                    break;
                }
            }
        }

        // Exactly as many labels as uncovered periods: no list growing per row (a general branch has hundreds of rows).
        var uncovered = 0;
        foreach (var isCovered in covered)
        {
            uncovered += isCovered ? 0 : 1;
        }

        if (uncovered == 0)
        {
            return (held, []);
        }

        var missing = new string[uncovered];
        var next = 0;
        for (var i = 0; i < periods.Count; i++)
        {
            if (!covered[i])
            {
                missing[next++] = periods[i].Label;
            }
        }

        return (held, missing);
    }
}

/// <summary>
/// The units under each unit of a cached tree, built once per tree (a tree is immutable and replaced, not changed, when
/// a unit changes) and kept as long as that tree is: the compliance report finds a general branch's branches and
/// their groups without walking the whole organisation.
/// </summary>
internal static class UnitChildren
{
    private static readonly ConditionalWeakTable<CachedUnits, ILookup<int, UnitEntry>> Index = new();

    /// <summary>The children of each unit id, ordered by id.</summary>
    public static ILookup<int, UnitEntry> Of(CachedUnits units) =>
        Index.GetValue(units, static tree => tree.Units
            .Where(u => u.ParentId is not null)
            .OrderBy(u => u.Id)
            .ToLookup(u => u.ParentId!.Value));
}
