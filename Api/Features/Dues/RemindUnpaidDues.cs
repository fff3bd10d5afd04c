using System.Globalization;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Dues;

public static class RemindUnpaidDues
{
    /// <summary>How many members with unpaid months were reminded, and the reminder slot (one per day).</summary>
    public sealed record Response(int Reminded, string Slot);

    /// <summary>Reminds every member of the branch with unpaid months up to this month, through the reminder pipeline; at most once a day (409 after).</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int branchId,
        DuesLedger ledger,
        ReminderScheduler reminders,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (branch, refusal) = await DuesAccess.LoadBranchAsync(db, current, branchId, cancellationToken);
        if (branch is null)
        {
            return Problems.From(refusal!);
        }

        var ids = await db.Members.AsNoTracking().Where(m => m.BranchId == branchId).Select(m => m.Id).ToListAsync(cancellationToken);
        await ledger.EnsureBillsAsync(ids, ledger.LastPayableMonth, cancellationToken);
        var current0 = ledger.CurrentMonth.Number;
        var unpaid = await db.DuesBills.AsNoTracking()
            .Where(DuesBill.Outstanding)
            .Where(b => b.BranchId == branchId && b.Period <= current0)
            .GroupBy(b => b.MemberId)
            .Select(g => new { MemberId = g.Key, Months = g.Count(), Fen = g.Sum(b => b.AmountFen) })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var slot = "unpaid-" + LocalCalendar.Today(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var added = 0;
        foreach (var member in unpaid)
        {
            added += await reminders.ScheduleAsync(
                ReminderKind.Dues,
                SubjectTypes.Dues,
                member.MemberId,
                slot,
                [member.MemberId],
                now,
                new ReminderContent("党费交纳提醒", $"您有{member.Months}个月的党费尚未交纳，共{DuesLedger.Yuan(member.Fen)}，请及时交纳。", null, "党费交纳提醒", now, Note: $"待交{member.Months}个月"),
                cancellationToken);
        }

        if (added == 0 && unpaid.Count > 0)
        {
            return Problems.Conflict("今天已提醒", "今天已提醒过未交党费的党员，请明天再提醒。");
        }

        if (added > 0)
        {
            audit.Record(branchId, "dues.reminded", SubjectTypes.Dues, null, $"提醒{added}名党员交纳党费");
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new Response(added, slot));
    }
}
