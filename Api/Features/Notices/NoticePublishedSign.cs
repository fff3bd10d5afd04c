using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A notice published by the branch (or one of its groups) counts as a sign of life for the inactivity flag.</summary>
internal sealed class NoticePublishedSign(AppDbContext db) : IBranchLifeSign
{
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LatestAsync(IReadOnlyCollection<int> branchIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await (
                from notice in db.Notices.AsNoTracking()
                join unit in db.Units on notice.UnitId equals unit.Id
                where notice.Status != NoticeStatus.PendingApproval && notice.PublishedAt != null && notice.PublishedAt <= now
                let branchId = unit.Kind == SmartBranch.Domain.Organization.UnitKind.PartyGroup ? unit.ParentId!.Value : unit.Id
                where branchIds.Contains(branchId)
                group notice by branchId into g
                select new { BranchId = g.Key, At = g.Max(n => n.PublishedAt!.Value) })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(x => x.BranchId, x => x.At);
    }
}
