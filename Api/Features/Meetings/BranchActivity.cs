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
        var latest = new Dictionary<int, DateTimeOffset>();
        foreach (var branchId in branchIds)
        {
            var startsAt = await db.Meetings.AsNoTracking()
                .Where(m => m.BranchId == branchId && m.Status == MeetingStatus.Scheduled && m.StartsAt <= now)
                .OrderByDescending(m => m.StartsAt)
                .Select(m => (DateTimeOffset?)m.StartsAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (startsAt is { } at)
            {
                latest[branchId] = at;
            }
        }

        return latest;
    }
}
