using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>A meeting of the branch that has started and was not cancelled counts as a sign of life.</summary>
internal sealed class MeetingHeldSign(AppDbContext db) : IBranchLifeSign
{
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(IReadOnlyCollection<int> branchIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.Meetings.AsNoTracking()
            .Where(m => branchIds.Contains(m.BranchId) && m.Status == MeetingStatus.Scheduled && m.StartsAt <= now)
            .GroupBy(m => m.BranchId)
            .Select(g => new { BranchId = g.Key, At = g.Max(m => m.StartsAt) })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(x => x.BranchId, x => x.At);
    }
}
