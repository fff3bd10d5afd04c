using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Study;

public static class RemindAssignment
{
    /// <summary>How many members who have not finished were reminded.</summary>
    public sealed record Response(int AssignmentId, int Reminded, string Slot);

    /// <summary>
    /// Queues a reminder (Api/Messaging; the notice template) for exactly the assignees who have not finished —
    /// those in progress and those not started. 409 within an hour of the previous reminder.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        ReminderScheduler reminders,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (assignment, refusal) = await StudyAssignments.LoadManageableAsync(db, access, id, cancellationToken);
        if (assignment is null)
        {
            return Problems.From(refusal!);
        }

        var content = new ReminderContent(
            "学习提醒",
            $"学习任务《{assignment.Title}》尚未完成，截止日期{assignment.DueOn:yyyy年M月d日}，请及时学习。",
            null,
            assignment.Title,
            LocalCalendar.StartOf(assignment.DueOn),
            Note: "请按时完成学习");
        var (reminded, tooSoon) = await ManualReminders.RemindAsync(
            db,
            reminders,
            audit,
            new ManualReminders.Press(SubjectTypes.StudyAssignment, assignment.Id, assignment.UnitId, "unfinished-", "未完成学习的党员", "study.reminded"),
            async ct =>
            {
                var states = await StudyAssignments.StatesAsync(db, assignment, assignment.Assignees.Select(a => a.MemberId).ToList(), ct);
                return states.Where(s => s.Value.State != AssignmentState.Finished).Select(s => s.Key).ToList();
            },
            content,
            added => $"提醒{added}名未完成的党员学习《{assignment.Title}》",
            time.GetUtcNow(),
            cancellationToken);
        if (tooSoon is not null)
        {
            return Problems.From(tooSoon);
        }

        return TypedResults.Ok(new Response(assignment.Id, reminded.Reminded, reminded.Slot));
    }
}
