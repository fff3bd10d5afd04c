using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A notice published by the branch (or one of its groups) counts as a sign of life for the inactivity flag.</summary>
internal sealed class NoticePublishedSign(AppDbContext db) : IBranchLifeSign
{
    // Per unit one seek to its latest notice through (UnitId, Status, PublishedAt) rather than reading all of
    // its notices: every status but PendingApproval, spelled out so the index is entered at each status.
    public Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(BranchUnits branches, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.LatestPerBranchAsync(
            branches,
            u => new UnitLatestSign(
                u.Id,
                db.Notices
                    .Where(n => n.UnitId == u.Id && (n.Status == NoticeStatus.Published || n.Status == NoticeStatus.Withdrawn) && n.PublishedAt != null && n.PublishedAt <= now)
                    .Max(n => n.PublishedAt)),
            cancellationToken);
}
