using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A notice published by the branch (or one of its groups) counts as a sign of life for the inactivity flag.</summary>
internal sealed class NoticePublishedSign(AppDbContext db) : IBranchLifeSign
{
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(BranchUnits branches, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Per unit one seek to its latest notice through (UnitId, Status, PublishedAt) rather than reading all of
        // its notices: every status but PendingApproval, spelled out so the index is entered at each status.
        var unitIds = branches.UnitIds;
        var latest = await db.Units.AsNoTracking()
            .Where(u => EF.Parameter(unitIds).Contains(u.Id))
            .Select(u => new
            {
                UnitId = u.Id,
                At = db.Notices
                    .Where(n => n.UnitId == u.Id && (n.Status == NoticeStatus.Published || n.Status == NoticeStatus.Withdrawn) && n.PublishedAt != null && n.PublishedAt <= now)
                    .Max(n => n.PublishedAt),
            })
            .ToListAsync(cancellationToken);
        return latest
            .Where(x => x.At is not null)
            .GroupBy(x => branches.BranchOf(x.UnitId))
            .ToDictionary(g => g.Key, g => g.Max(x => x.At!.Value));
    }
}
