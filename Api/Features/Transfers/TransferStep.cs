using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>The audit entry a committee step on a transfer writes: in which unit, which action, what it says.</summary>
public sealed record TransferAuditEntry(int UnitId, string Action, string Summary);

/// <summary>
/// What every committee step on a transfer shares (approve, accept, return; issuing the letter and recording the
/// receipt use its load and save): load the transfer the caller may act
/// on (404 for strangers, 403 for the wrong side), take the step (its refusal answers 409), record the audit entry,
/// tell the member, save (409 when someone else settled it a moment earlier) and answer the updated view.
/// </summary>
public sealed class TransferStep(CurrentMember current, AppDbContext db, IdNumbers ids, TransferReminders notify, AuditTrail audit, TimeProvider time)
{
    /// <summary>The delegate takes the step on the loaded transfer, given the member's name and the time now.</summary>
    public delegate Task<Result<TransferAuditEntry>> Step(Transfer transfer, string memberName, DateTimeOffset now);

    /// <summary>A transfer loaded for a step, with the caller's access scope.</summary>
    public sealed record Loaded(Transfer Transfer, AccessScope Access);

    public async Task<Results<Ok<TransferView>, ProblemHttpResult>> RunAsync(int id, Func<AccessScope, Transfer, bool> may, Step step, CancellationToken cancellationToken)
    {
        var (loaded, refusal) = await LoadAsync(id, may, cancellationToken);
        if (loaded is null)
        {
            return Problems.From(refusal!);
        }

        var transfer = loaded.Transfer;
        var name = await db.Members.Where(m => m.Id == transfer.MemberId).Select(m => m.Name).FirstAsync(cancellationToken);
        var (entry, error) = await step(transfer, name, time.GetUtcNow());
        if (error is not null)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        audit.Record(entry!.UnitId, entry.Action, SubjectTypes.Transfer, transfer.Id, entry.Summary);
        await notify.NotifyAsync(transfer, name, cancellationToken);
        return await SaveAsync(loaded, cancellationToken);
    }

    /// <summary>
    /// The transfer the caller may act on, for a step that does its own work in between (issue the letter, record the
    /// receipt): 404 for strangers, 403 when <paramref name="may"/> refuses.
    /// </summary>
    public async Task<Result<Loaded>> LoadAsync(int id, Func<AccessScope, Transfer, bool> may, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (transfer, refusal) = await TransferAccess.LoadAsync(db, access, id, t => may(access, t), cancellationToken);
        return transfer is null ? refusal! : new Loaded(transfer, access);
    }

    /// <summary>Saves the step with what the handler recorded (409 when someone else settled it a moment earlier) and answers the updated view.</summary>
    public async Task<Results<Ok<TransferView>, ProblemHttpResult>> SaveAsync(Loaded loaded, CancellationToken cancellationToken)
    {
        if ((await TransferSaves.SaveAsync(db, cancellationToken)).Error is { } conflict)
        {
            return Problems.From(conflict);
        }

        return TypedResults.Ok(await TransferViews.BuildOneAsync(db, loaded.Access, ids, loaded.Transfer, time, cancellationToken));
    }
}
