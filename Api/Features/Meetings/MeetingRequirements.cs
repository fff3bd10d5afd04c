using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>
/// What the cadences (Domain/README.md, "Meetings") require of some branches over a period and which meetings
/// they held: the one computation behind the compliance report (<see cref="GetCompliance"/>) and the big
/// screen's monthly chart.
/// </summary>
internal static class MeetingRequirements
{
    /// <summary>One meeting type held by one holder (the branch, or for group meetings one party group) with the periods it is due in.</summary>
    public sealed record Requirement(int BranchId, MeetingType Type, Cadence Cadence, int HolderId, string HolderName, IReadOnlyList<CadencePeriod> Periods);

    /// <summary>A meeting held (or a 主题党日 activity) on a China-local day; <c>UnitId</c> is its holder.</summary>
    public sealed record Held(int BranchId, int UnitId, MeetingType Type, DateOnly Day);

    public sealed record Report(IReadOnlyList<Requirement> Requirements, IReadOnlyList<Held> Held);

    /// <summary>
    /// The requirements of <paramref name="branches"/> over [<paramref name="start"/>, <paramref name="end"/>] (China dates) and what
    /// they held: a meeting counts once it has started, or earlier when attendance was recorded; cancelled ones never.
    /// A branch's 主题党日 is often an activity with sign-up: one marked as such, organised by the branch (or one of its groups),
    /// not cancelled and started counts like a ThemedPartyDay meeting of the branch.
    /// </summary>
    public static async Task<Report> LoadAsync(AppDbContext db, IReadOnlyList<(int Id, string Name)> branches, DateOnly start, DateOnly end, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var branchIds = branches.Select(b => b.Id).ToList();
        var groups = await db.Units.AsNoTracking()
            .Where(u => u.ParentId != null && branchIds.Contains(u.ParentId.Value) && u.Kind == UnitKind.PartyGroup)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, BranchId = u.ParentId!.Value })
            .ToListAsync(cancellationToken);
        return await LoadAsync(db, branches, groups.Select(g => (g.Id, g.Name, g.BranchId)).ToList(), start, end, now, cancellationToken);
    }

    /// <summary>
    /// As <see cref="LoadAsync(AppDbContext, IReadOnlyList{ValueTuple{int, string}}, DateOnly, DateOnly, DateTimeOffset, CancellationToken)"/>,
    /// with the branches' party groups (ordered by id) already known, e.g. from the cached unit tree.
    /// </summary>
    public static async Task<Report> LoadAsync(
        AppDbContext db,
        IReadOnlyList<(int Id, string Name)> branches,
        IReadOnlyList<(int Id, string Name, int BranchId)> groups,
        DateOnly start,
        DateOnly end,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Each id list goes as one parameter (a JSON array read with json_each / OPENJSON): one SQL text and
        // one parameter whatever the number of branches, instead of one parameter per id and a SQL text per count.
        var branchIds = branches.Select(b => b.Id).ToList();
        var overrides = await db.MeetingCadences.AsNoTracking()
            .Where(c => EF.Parameter(branchIds).Contains(c.BranchId))
            .ToDictionaryAsync(c => (c.BranchId, c.Type), c => c.Cadence, cancellationToken);

        var rangeStart = LocalCalendar.StartOf(start);
        var rangeEnd = LocalCalendar.StartOf(end.AddDays(1));
        // Only meetings that count come back: the attendance probe runs only for those not started yet (the
        // database stops at the first true term of the OR), not for every meeting of the period.
        var held = (await db.Meetings.AsNoTracking()
                .Where(m => EF.Parameter(branchIds).Contains(m.BranchId) && m.Status == MeetingStatus.Scheduled && m.StartsAt >= rangeStart && m.StartsAt < rangeEnd
                    && (m.StartsAt <= now || m.Attendees.Any(a => a.CheckedInAt != null || a.Status == AttendanceStatus.Absent)))
                .Select(m => new { m.BranchId, m.UnitId, m.Type, m.StartsAt })
                .ToListAsync(cancellationToken))
            .ConvertAll(m => new Held(m.BranchId, m.UnitId, m.Type, LocalCalendar.Today(m.StartsAt)));

        // Organised by the branch or one of its groups: found through (UnitId, StartsAt) without joining Units.
        var branchOf = branchIds.ToDictionary(id => id, id => id);
        foreach (var group in groups)
        {
            branchOf[group.Id] = group.BranchId;
        }

        var organizerIds = branchOf.Keys.ToList();
        var themedActivities = await db.Activities.AsNoTracking()
            .Where(a => EF.Parameter(organizerIds).Contains(a.UnitId) && a.IsThemedPartyDay && a.Status == ActivityStatus.Scheduled
                && a.StartsAt >= rangeStart && a.StartsAt < rangeEnd && a.StartsAt <= now)
            .Select(a => new { a.UnitId, a.StartsAt })
            .ToListAsync(cancellationToken);
        held.AddRange(themedActivities.Select(a => new Held(branchOf[a.UnitId], branchOf[a.UnitId], MeetingType.ThemedPartyDay, LocalCalendar.Today(a.StartsAt))));

        var requirements = new List<Requirement>();
        var periodsOf = new Dictionary<Cadence, IReadOnlyList<CadencePeriod>>();
        var groupsOf = groups.ToLookup(g => g.BranchId, g => (g.Id, g.Name));
        foreach (var branch in branches)
        {
            foreach (var type in MeetingTypes.All)
            {
                var cadence = overrides.GetValueOrDefault((branch.Id, type), type.DefaultCadence());
                if (!periodsOf.TryGetValue(cadence, out var periods))
                {
                    // The same few cadences for every branch: their periods (and labels) once per report.
                    periods = cadence.Periods(start, end);
                    periodsOf[cadence] = periods;
                }

                if (!type.IsHeldByGroup())
                {
                    requirements.Add(new Requirement(branch.Id, type, cadence, branch.Id, branch.Name, periods));
                    continue;
                }

                foreach (var (id, name) in groupsOf[branch.Id])
                {
                    requirements.Add(new Requirement(branch.Id, type, cadence, id, name, periods));
                }
            }
        }

        return new Report(requirements, held);
    }
}
