using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class ListTransfers
{

    /// <summary>
    /// The caller's own transfers and those from or to branches they manage, newest first; <c>open=true</c>
    /// keeps those that still wait for someone (requested, approved, letter issued without receipt).
    /// </summary>
    public static async Task<Ok<ListPage<TransferView>>> Handle(
        bool? open,
        IdNumbers ids,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var managed = access.VisibleUnitIds().Where(access.CanManage).ToList();
        var me = current.Id;
        var query = db.Transfers.AsNoTracking()
            .Where(t => t.MemberId == me || (t.FromBranchId != null && managed.Contains(t.FromBranchId.Value)) || (t.ToBranchId != null && managed.Contains(t.ToBranchId.Value)));
        if (open == true)
        {
            query = query.Where(t => t.State == TransferState.Requested || t.State == TransferState.Approved || t.State == TransferState.LetterIssued);
        }

        var transfers = await query.OrderByDescending(t => t.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<TransferView>(await TransferViews.BuildAsync(db, access, ids, transfers, LocalCalendar.Today(time.GetUtcNow()), cancellationToken)));
    }
}
