using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Transfers;

public static class AcceptTransfer
{
    /// <summary>
    /// The receiving committee accepts an approved inside transfer: the member's formal relationship moves to
    /// the receiving branch (no party group yet) with their status, events, meeting history and the dues
    /// paid-up-to month on the transfer; their roles in the old branch end today. From now on the old
    /// branch's audiences and quorum leave them out and the new branch's count them.
    /// 200; 403 unless the caller manages the receiving branch; 409 unless approved.
    /// </summary>
    public static Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TransferStep step,
        CancellationToken cancellationToken) =>
        step.RunAsync(id, TransferAccess.IsReceiving, async (transfer, name, now) =>
        {
            if (transfer.Accept(current.Id, now).Error is { } error)
            {
                return error;
            }

            var member = await db.Members.FirstAsync(m => m.Id == transfer.MemberId, cancellationToken);
            var oldBranch = member.BranchId;
            if (member.TransferTo(transfer.ToBranchId!.Value).Error is { } moveError)
            {
                return moveError;
            }

            var today = LocalCalendar.Today(now);
            var oldUnits = await db.Units.Where(u => u.Id == oldBranch || u.ParentId == oldBranch).Select(u => u.Id).ToListAsync(cancellationToken);
            var roles = await db.Appointments.Where(a => a.MemberId == member.Id && oldUnits.Contains(a.UnitId) && a.EndsOn >= today).ToListAsync(cancellationToken);
            foreach (var role in roles)
            {
                if (role.EndNow(today))
                {
                    db.Appointments.Remove(role);
                }
            }

            return new TransferAuditEntry(transfer.ToBranchId.Value, "transfer.accepted", $"接收{name}的组织关系");
        }, cancellationToken);
}
