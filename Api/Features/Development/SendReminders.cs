using System.Globalization;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Development;

public static class SendReminders
{
    /// <summary>
    /// What was scheduled: reminders added (a task already reminded for the same due day is not reminded again) and the
    /// tasks nobody could be reached for, by person and task (a person in development whose WeChat account is not bound
    /// to the record; a branch without a secretary or 组织委员; no contacts assigned).
    /// </summary>
    public sealed record Response(int Scheduled, IReadOnlyList<Unreached> Unreached);

    public sealed record Unreached(int RecordId, string Name, DevelopmentTaskKind Kind, TaskOwner Owner);

    /// <summary>
    /// 200: reminds the owner of every overdue and due-this-month task on today's worklist of <c>unitId</c> through the
    /// reminder pipeline (Api/Messaging): the secretary and 组织委员 for a talk, an upper-committee approval or a
    /// confirmation; the training contacts for an observation record; the person for a thought report (as a member, or
    /// as a person in development bound to the record: inbox and subscription message). 403/404 outside the caller's
    /// management. The daily reminder job (<c>Development:ReminderHour</c>, China time) does the same for every branch.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int unitId,
        ReminderScheduler reminders,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (branches, refusal) = DevelopmentAccess.ManagedBranches(access, unitId);
        if (branches is null)
        {
            return Problems.From(refusal!);
        }

        var result = await RemindAsync(db, reminders, branches, await current.GetUnitsAsync(cancellationToken), time.GetUtcNow(), cancellationToken);
        await db.SaveWithAuditAsync(() => audit.Record(unitId, "development.reminded", SubjectTypes.Unit, unitId, $"发展党员工作提醒：新增 {result.Scheduled} 条，{result.Unreached.Count} 项无人可提醒"), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// The one way development reminders are made (this endpoint and <see cref="DevelopmentReminderJob"/>): for each
    /// overdue and due-this-month task on the worklist of <paramref name="branches"/> on the China-time day of
    /// <paramref name="now"/>, schedules a reminder to its owners, slot <c>{task}-{yyyyMMdd of the due day}</c>, so a task
    /// is reminded once per due day however often this runs. The person is reached as a member once admitted, as a
    /// person in development while their WeChat account is bound to the record, and is reported unreached otherwise.
    /// Adds the reminders to <paramref name="db"/>; the caller saves.
    /// </summary>
    internal static async Task<Response> RemindAsync(
        AppDbContext db,
        ReminderScheduler reminders,
        IReadOnlyList<int> branches,
        CachedUnits units,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Today(now);
        var worklist = await GetWorklist.WorklistAsync(db, branches, today, units, cancellationToken);
        var items = worklist.Overdue.Concat(worklist.DueThisMonth).ToList();
        var ids = items.Select(i => i.RecordId).Distinct().ToList();
        var records = await db.DevelopmentRecords.AsNoTracking().Include(r => r.Steps).AsSplitQuery()
            .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var owners = await GetWorklist.OwnersAsync(db, branches, records.Values.ToList(), today, cancellationToken);

        var scheduled = 0;
        var unreached = new List<Unreached>();
        foreach (var item in items)
        {
            var record = records[item.RecordId];
            var to = owners.RecipientsFor(record, item.Owner);
            if (to.Count == 0)
            {
                unreached.Add(new Unreached(record.Id, record.Name, item.Kind, item.Owner));
                continue;
            }

            var overdue = item.DueOn < today;
            var subject = $"{record.Name}：{item.TaskName}";
            var body = item.Kind == DevelopmentTaskKind.ThoughtReport && item.Missing > 0
                ? $"{record.Name}已有{item.Missing}期思想汇报未交，请尽快提交。"
                : $"{record.Name}的「{item.TaskName}」{(overdue ? "已逾期" : "应于")}（{item.DueOn:yyyy年M月d日}{(overdue ? "到期" : "前完成")}）。";
            scheduled += await reminders.ScheduleAsync(
                ReminderKind.Development,
                SubjectTypes.DevelopmentRecord,
                record.Id,
                $"{item.Kind}-{item.DueOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}",
                to,
                now,
                new ReminderContent("发展党员工作提醒", body, null, subject, LocalCalendar.StartOf(item.DueOn), Note: overdue ? "已逾期" : "本月到期"),
                cancellationToken);
        }

        return new Response(scheduled, unreached);
    }
}
