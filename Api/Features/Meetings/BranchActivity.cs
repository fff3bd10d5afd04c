using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>
/// One kind of sign that a branch is alive (a meeting held, a notice posted, an activity run). The compliance
/// report takes the latest of all registered signals; notices and activities add their own implementation.
/// </summary>
public interface IBranchActivitySignal
{
    /// <summary>The latest time each branch showed this sign, at or before <paramref name="now"/>; branches without one are left out.</summary>
    Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(IReadOnlyCollection<int> branchIds, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A meeting that has started and was not cancelled.</summary>
internal sealed class MeetingActivitySignal(AppDbContext db) : IBranchActivitySignal
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
