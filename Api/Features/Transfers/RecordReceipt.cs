using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class RecordReceipt
{
    /// <summary>The day the receipt (回执) came back (default today) and a note (e.g. who signed it).</summary>
    public sealed record Request(DateOnly? ReceivedOn, string? Note);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Note).MaximumLength(Transfer.TextMaxLength);
    }

    /// <summary>200; 400 for a day before the letter or in the future; 403 unless the caller manages the sending branch; 409 without an issued letter.</summary>
    public static async Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        IdNumbers ids,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (transfer, refusal) = await TransferAccess.LoadAsync(db, access, id, t => TransferAccess.IsSending(access, t), cancellationToken);
        if (transfer is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var on = request.ReceivedOn ?? today;
        if (on > today)
        {
            return Problems.BadRequest("日期无效", "回执日期不能晚于今天。");
        }

        if (transfer.RecordReceipt(on, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), current.Id, now).Error is { } error)
        {
            return Problems.From(error);
        }

        audit.Record(transfer.FromBranchId!.Value, "transfer.receipt", SubjectTypes.Transfer, transfer.Id, $"登记介绍信 {transfer.LetterNumber} 的回执（{on:yyyy-MM-dd}）");
        return (await TransferSaves.SaveAsync(db, cancellationToken)).Error is { } conflict
            ? Problems.From(conflict)
            : TypedResults.Ok(await TransferViews.BuildOneAsync(db, access, ids, transfer, time, cancellationToken));
    }
}
