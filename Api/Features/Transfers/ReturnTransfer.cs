using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class ReturnTransfer
{
    public sealed record Request(string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("请填写退回原因。").MaximumLength(Transfer.TextMaxLength);
    }

    /// <summary>
    /// The sending committee refuses a requested transfer, or the receiving committee returns an approved
    /// inside transfer; the member is told why. 200; 403 for the wrong side; 409 when already settled.
    /// </summary>
    public static async Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        AppDbContext db,
        IdNumbers ids,
        TransferReminders notify,
        AuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (transfer, refusal) = await TransferAccess.LoadAsync(db, access, id,
            t => t.State == TransferState.Approved && t.Kind == TransferKind.Inside ? TransferAccess.IsReceiving(access, t) : TransferAccess.IsSending(access, t),
            cancellationToken);
        if (transfer is null)
        {
            return refusal!;
        }

        if (transfer.Return(request.Reason.Trim(), current.Id, time.GetUtcNow()).Error is { } error)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        var name = await db.Members.Where(m => m.Id == transfer.MemberId).Select(m => m.Name).FirstAsync(cancellationToken);
        audit.Record(transfer.FromBranchId ?? transfer.ToBranchId!.Value, "transfer.returned", SubjectTypes.Transfer, transfer.Id, $"退回{name}的组织关系转接：{transfer.ReturnReason}");
        await notify.NotifyAsync(transfer, name, cancellationToken);
        return await TransferSaves.SaveAsync(db, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(await TransferViews.BuildOneAsync(db, access, ids, transfer, time, cancellationToken));
    }
}
