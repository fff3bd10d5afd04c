using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>A meeting of the branch that has started and was not cancelled counts as a sign of life.</summary>
internal sealed class MeetingHeldSign(AppDbContext db) : IBranchLifeSign
{
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(BranchUnits branches, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One seek per branch to its latest started meeting through (BranchId, Status, StartsAt), instead of
        // reading every past meeting of the branches and grouping them.
        var branchIds = branches.BranchIds;
        var latest = await db.Units.AsNoTracking()
            .Where(u => EF.Parameter(branchIds).Contains(u.Id))
            .Select(u => new
            {
                BranchId = u.Id,
                At = db.Meetings.Where(m => m.BranchId == u.Id && m.Status == MeetingStatus.Scheduled && m.StartsAt <= now).Max(m => (DateTimeOffset?)m.StartsAt),
            })
            .ToListAsync(cancellationToken);
        return latest.Where(x => x.At is not null).ToDictionary(x => x.BranchId, x => x.At!.Value);
    }
}
