using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A notice published by the branch (or one of its groups) counts as a sign of life for the inactivity flag.</summary>
internal sealed class NoticePublishedSign(AppDbContext db) : IBranchLifeSign
{
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(IReadOnlyCollection<int> branchIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The branches and their groups first, so the notices are found through the (unit, published) index
        // instead of joining every notice of the organisation to its unit.
        var owners = await db.Units.AsNoTracking()
            .Where(u => branchIds.Contains(u.Id) || (u.ParentId != null && branchIds.Contains(u.ParentId.Value)))
            .Select(u => new { u.Id, BranchId = branchIds.Contains(u.Id) ? u.Id : u.ParentId!.Value })
            .ToDictionaryAsync(u => u.Id, u => u.BranchId, cancellationToken);
        var unitIds = owners.Keys.ToList();
        var latest = await db.Notices.AsNoTracking()
            .Where(n => unitIds.Contains(n.UnitId) && n.Status != NoticeStatus.PendingApproval && n.PublishedAt != null && n.PublishedAt <= now)
            .GroupBy(n => n.UnitId)
            .Select(g => new { UnitId = g.Key, At = g.Max(n => n.PublishedAt!.Value) })
            .ToListAsync(cancellationToken);
        return latest
            .GroupBy(x => owners[x.UnitId])
            .ToDictionary(g => g.Key, g => g.Max(x => x.At));
    }
}
