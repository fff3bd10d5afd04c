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
    public static Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        TransferStep step,
        CancellationToken cancellationToken) =>
        step.RunAsync(
            id,
            (access, t) => t.State == TransferState.Approved && t.Kind == TransferKind.Inside ? TransferAccess.IsReceiving(access, t) : TransferAccess.IsSending(access, t),
            (transfer, name, now) => Task.FromResult<Result<TransferAuditEntry>>(
                transfer.Return(request.Reason.Trim(), current.Id, now).Error is { } error
                    ? error
                    : new TransferAuditEntry(transfer.FromBranchId ?? transfer.ToBranchId!.Value, "transfer.returned", $"退回{name}的组织关系转接：{transfer.ReturnReason}")),
            cancellationToken);
}
