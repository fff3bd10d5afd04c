namespace SmartBranch.Api.Common;

/// <summary>
/// One kind of sign of life of a branch (a meeting held, a notice published, an activity run): the
/// inactivity flag of the compliance report takes the latest of every registered kind. Each area that
/// produces one registers its implementation in its module:
/// <c>services.AddScoped&lt;IBranchLifeSign, MeetingHeldSign&gt;()</c>.
/// </summary>
public interface IBranchLifeSign
{
    /// <summary>The latest time each branch showed this sign, at or before <paramref name="now"/>; branches without one are left out.</summary>
    Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(IReadOnlyCollection<int> branchIds, DateTimeOffset now, CancellationToken cancellationToken);
}
