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
        TransferStep step,
        [AsParameters] HandlerServices services)
    {
        var (current, _, audit, time, cancellationToken) = services;
        var (loaded, refusal) = await step.LoadAsync(id, TransferAccess.IsSending, cancellationToken);
        if (loaded is null)
        {
            return Problems.From(refusal!);
        }

        var transfer = loaded.Transfer;

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
        return await step.SaveAsync(loaded, cancellationToken);
    }
}
