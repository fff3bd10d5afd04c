using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>The audit entry a committee step on a transfer writes: in which unit, which action, what it says.</summary>
public sealed record TransferAuditEntry(int UnitId, string Action, string Summary);

/// <summary>
/// What every committee step on a transfer shares (approve, accept, return): load the transfer the caller may act
/// on (404 for strangers, 403 for the wrong side), take the step (its refusal answers 409), record the audit entry,
/// tell the member, save (409 when someone else settled it a moment earlier) and answer the updated view.
/// </summary>
public sealed class TransferStep(CurrentMember current, AppDbContext db, IdNumbers ids, TransferReminders notify, AuditTrail audit, TimeProvider time)
{
    /// <summary>The delegate takes the step on the loaded transfer, given the member's name and the time now.</summary>
    public delegate Task<Result<TransferAuditEntry>> Step(Transfer transfer, string memberName, DateTimeOffset now);

    public async Task<Results<Ok<TransferView>, ProblemHttpResult>> RunAsync(int id, Func<AccessScope, Transfer, bool> may, Step step, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (transfer, refusal) = await TransferAccess.LoadAsync(db, access, id, t => may(access, t), cancellationToken);
        if (transfer is null)
        {
            return Problems.From(refusal!);
        }

        var name = await db.Members.Where(m => m.Id == transfer.MemberId).Select(m => m.Name).FirstAsync(cancellationToken);
        var (entry, error) = await step(transfer, name, time.GetUtcNow());
        if (error is not null)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        audit.Record(entry!.UnitId, entry.Action, SubjectTypes.Transfer, transfer.Id, entry.Summary);
        await notify.NotifyAsync(transfer, name, cancellationToken);
        if ((await TransferSaves.SaveAsync(db, cancellationToken)).Error is { } conflict)
        {
            return Problems.From(conflict);
        }

        return TypedResults.Ok(await TransferViews.BuildOneAsync(db, access, ids, transfer, time, cancellationToken));
    }
}
