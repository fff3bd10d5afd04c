using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class WithdrawNotice
{
    /// <summary>The notice after withdrawal: hidden from feeds and counts, kept for the record.</summary>
    public sealed record Response(int Id, NoticeStatus Status, DateTimeOffset WithdrawnAt);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        ReminderScheduler reminders,
        [AsParameters] HandlerServices services)
    {
        var (_, db, audit, time, cancellationToken) = services;
        var (managed, refusal) = await NoticeRules.LoadManagedAsync(services, id, "只有发布单位的支委或党总支管理员可以撤回通知。");
        if (managed is null)
        {
            return Problems.From(refusal!);
        }

        var notice = managed.Notice;

        var now = time.GetUtcNow();
        var outcome = notice.Withdraw(now);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Error!);
        }

        // Nobody should be reminded to read what is no longer there.
        await reminders.CancelAsync(SubjectTypes.Notice, notice.Id, null, cancellationToken);
        audit.Record(notice.UnitId, "notice.withdrawn", SubjectTypes.Notice, notice.Id, $"撤回通知《{notice.Title}》");
        if (!await NoticeRules.TrySaveAsync(db, cancellationToken))
        {
            return NoticeRules.Changed();
        }
        return TypedResults.Ok(new Response(notice.Id, notice.Status, now));
    }
}
