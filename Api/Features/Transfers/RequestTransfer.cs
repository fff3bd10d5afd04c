using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class RequestTransfer
{
    /// <summary>
    /// <c>memberId</c>: omit to request for yourself; the sending branch's committee may name a member of
    /// their branch. Inside: <c>toBranchId</c> (another branch of this installation). Outgoing:
    /// <c>toOrganization</c> (the receiving Party organisation's full name).
    /// </summary>
    public sealed record Request(int? MemberId, TransferKind Kind, int? ToBranchId, string? ToOrganization, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).IsInEnum().Must(k => k != TransferKind.Incoming).WithMessage("转接类型应为 Inside（系统内）或 Outgoing（转出系统外）。");
            RuleFor(r => r.ToBranchId).NotNull().When(r => r.Kind == TransferKind.Inside).WithMessage("请选择转入的党支部。");
            RuleFor(r => r.ToOrganization).NotEmpty().When(r => r.Kind == TransferKind.Outgoing).WithMessage("请填写转入的党组织名称。")
                .MaximumLength(Transfer.OrganizationMaxLength);
            RuleFor(r => r.Reason).MaximumLength(Transfer.TextMaxLength);
        }
    }

    /// <summary>201 with the transfer; 400 for an unknown/closed/same receiving branch; 409 when the member already has an open transfer; 404/403 for a member the caller may not act for.</summary>
    public static async Task<Results<Created<TransferView>, ProblemHttpResult>> Handle(
        Request request,
        IdNumbers ids,
        TransferReminders notify,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var memberId = request.MemberId ?? current.Id;
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null || (memberId != current.Id && !access.CanView(member.BranchId)))
        {
            return Problems.NotFound(UnitAccess.MemberNotFound);
        }

        if (memberId != current.Id && !access.CanManage(member.BranchId))
        {
            return Problems.Forbidden();
        }

        if (member.IsArchived)
        {
            return Problems.BadRequest("无法申请", "该党员已不在党员名册中。");
        }

        if (request.Kind == TransferKind.Inside
            && !await db.Units.AnyAsync(u => u.Id == request.ToBranchId && u.Kind == UnitKind.Branch && u.ClosedOn == null && u.Id != member.BranchId, cancellationToken))
        {
            return Problems.BadRequest("转入支部无效", "请选择本系统内另一个未撤销的党支部。");
        }

        if (await db.Transfers.AnyAsync(t => t.MemberId == memberId && (t.State == TransferState.Requested || t.State == TransferState.Approved), cancellationToken))
        {
            return Problems.Conflict("已有转接", "该党员已有一项正在办理的组织关系转接。");
        }

        var now = time.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var transfer = request.Kind == TransferKind.Inside
            ? Transfer.RequestInside(member, request.ToBranchId!.Value, reason, current.Id, now)
            : Transfer.RequestOutgoing(member, request.ToOrganization!.Trim(), reason, current.Id, now);
        db.Transfers.Add(transfer);
        await db.SaveWithAuditAsync(async ct =>
        {
            audit.Record(member.BranchId, "transfer.requested", SubjectTypes.Transfer, transfer.Id, $"申请{member.Name}的组织关系转接");
            await notify.NotifyAsync(transfer, member.Name, ct);
        }, cancellationToken);

        var view = await TransferViews.BuildOneAsync(db, access, ids, transfer, time, cancellationToken);
        return TypedResults.Created($"/api/transfers/{transfer.Id}", view);
    }
}
