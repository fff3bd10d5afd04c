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
        var overrides = await db.MeetingCadences.AsNoTracking()
            .Where(c => branchIds.Contains(c.BranchId))
            .ToDictionaryAsync(c => (c.BranchId, c.Type), c => c.Cadence, cancellationToken);

        var rangeStart = LocalCalendar.StartOf(start);
        var rangeEnd = LocalCalendar.StartOf(end.AddDays(1));
        var held = (await db.Meetings.AsNoTracking()
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
            .Select(m => new Held(m.BranchId, m.UnitId, m.Type, LocalCalendar.Today(m.StartsAt)))
            .ToList();

        var themedActivities = await (
                from activity in db.Activities.AsNoTracking()
                join organizer in db.Units on activity.UnitId equals organizer.Id
                where activity.IsThemedPartyDay && activity.Status == ActivityStatus.Scheduled
                    && activity.StartsAt >= rangeStart && activity.StartsAt < rangeEnd && activity.StartsAt <= now
                let branchId = organizer.Kind == UnitKind.PartyGroup ? organizer.ParentId!.Value : organizer.Id
                where branchIds.Contains(branchId)
                select new { BranchId = branchId, activity.StartsAt })
            .ToListAsync(cancellationToken);
        held.AddRange(themedActivities.Select(a => new Held(a.BranchId, a.BranchId, MeetingType.ThemedPartyDay, LocalCalendar.Today(a.StartsAt))));

        var requirements = new List<Requirement>();
        foreach (var branch in branches)
        {
            foreach (var type in MeetingTypes.All)
            {
                var cadence = overrides.GetValueOrDefault((branch.Id, type), type.DefaultCadence());
                var periods = cadence.Periods(start, end);
                var holders = type.IsHeldByGroup()
                    ? groups.Where(g => g.BranchId == branch.Id).Select(g => (g.Id, g.Name)).ToList()
                    : [(branch.Id, branch.Name)];
                requirements.AddRange(holders.Select(h => new Requirement(branch.Id, type, cadence, h.Id, h.Name, periods)));
            }
        }

        return new Report(requirements, held);
    }
}
