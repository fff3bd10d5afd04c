using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Development;

/// <summary>What is owed on a development record.</summary>
public enum DevelopmentTaskKind
{
    /// <summary>谈话: within a month of the application (step 2); the secretary arranges it.</summary>
    [Label("入党申请人谈话")]
    FirstTalk,

    /// <summary>培养考察记录: every half year while an activist (step 6) or probationary (step 21); the training contacts write it.</summary>
    [Label("培养考察记录")]
    Observation,

    /// <summary>思想汇报: one per period (a quarter by default) from activist to confirmation; the applicant writes it.</summary>
    [Label("思想汇报")]
    ThoughtReport,

    /// <summary>上级党委审批: within 3 months of the general meeting (step 17); the secretary follows it up.</summary>
    [Label("上级党委审批")]
    UpperApproval,

    /// <summary>讨论转正: when the probation ends (step 23); the secretary convenes the general meeting.</summary>
    [Label("讨论转正")]
    Confirmation,
}

/// <summary>Who a task's reminder goes to.</summary>
public enum TaskOwner
{
    /// <summary>The branch secretary and 组织委员.</summary>
    [Label("支委会")]
    Committee,

    /// <summary>The training contacts (培养联系人).</summary>
    [Label("培养联系人")]
    Contacts,

    /// <summary>The person in development.</summary>
    [Label("本人")]
    Applicant,
}

/// <summary>A task owed on a record: due on <see cref="DueOn"/> (China time); <see cref="Missing"/> counts missed thought reports.</summary>
public sealed record DevelopmentTask(DevelopmentTaskKind Kind, DateOnly DueOn, TaskOwner Owner, int Missing)
{
    public bool IsOverdueOn(DateOnly day) => DueOn < day;

    public static string DisplayName(DevelopmentTaskKind kind) => EnumLabels.Of(kind);
}

/// <summary>The tasks owed on a record on a given day, from its events and the rules (no state of its own).</summary>
public static class DevelopmentTasks
{
    public static IReadOnlyList<DevelopmentTask> For(DevelopmentRecord record, DevelopmentRules rules, DateOnly today)
    {
        var tasks = new List<DevelopmentTask>();
        var last = record.LastNumber;

        if (last == 1 && record.DateOf(DevelopmentStepKind.Application) is DateOnly applied)
        {
            tasks.Add(new DevelopmentTask(DevelopmentTaskKind.FirstTalk, applied.AddMonths(rules[DevelopmentRules.FirstTalkWithinMonths]), TaskOwner.Committee, 0));
        }

        var observationEvery = rules[DevelopmentRules.ObservationMonths];
        if (last is >= 5 and < 7)
        {
            var since = Latest(record, DevelopmentStepKind.ContactsAssigned, DevelopmentStepKind.ActivistObservation);
            tasks.Add(new DevelopmentTask(DevelopmentTaskKind.Observation, since.AddMonths(observationEvery), TaskOwner.Contacts, 0));
        }

        if (last is >= 15 and < 23)
        {
            var since = Latest(record, DevelopmentStepKind.Admission, DevelopmentStepKind.ProbationObservation);
            tasks.Add(new DevelopmentTask(DevelopmentTaskKind.Observation, since.AddMonths(observationEvery), TaskOwner.Contacts, 0));
            if (last < 17)
            {
                tasks.Add(new DevelopmentTask(DevelopmentTaskKind.UpperApproval, record.DateOf(DevelopmentStepKind.Admission)!.Value.AddMonths(rules[DevelopmentRules.UpperApprovalWithinMonths]), TaskOwner.Committee, 0));
            }

            tasks.Add(new DevelopmentTask(DevelopmentTaskKind.Confirmation, record.ProbationEndsOn(rules)!.Value, TaskOwner.Committee, 0));
        }

        if (last is >= 3 and < 23 && ThoughtReports(record, rules, today) is { } reports)
        {
            tasks.Add(reports);
        }

        return tasks;
    }

    /// <summary>
    /// The thought report owed: periods of <see cref="DevelopmentRules.ThoughtReportMonths"/> months run from the day the
    /// person became an activist; every finished period without a report counts as missing, and the task is due at
    /// the end of the first missing period (overdue), or else at the end of the current period if it has none yet.
    /// </summary>
    public static DevelopmentTask? ThoughtReports(DevelopmentRecord record, DevelopmentRules rules, DateOnly today)
    {
        if (record.DateOf(DevelopmentStepKind.ActivistConfirmed) is not DateOnly start)
        {
            return null;
        }

        var months = rules[DevelopmentRules.ThoughtReportMonths];
        var reports = record.Steps.Where(s => s.Kind == DevelopmentStepKind.ThoughtReport).Select(s => s.OccurredOn).ToList();
        var missing = 0;
        DateOnly? firstMissingEnd = null;
        for (var k = 0; ; k++)
        {
            var from = start.AddMonths(k * months);
            var to = start.AddMonths((k + 1) * months);
            var hasReport = reports.Any(d => d >= from && d < to);
            if (to <= today)
            {
                if (!hasReport)
                {
                    missing++;
                    firstMissingEnd ??= to.AddDays(-1);
                }

                continue;
            }

            if (firstMissingEnd is DateOnly overdue)
            {
                return new DevelopmentTask(DevelopmentTaskKind.ThoughtReport, overdue, TaskOwner.Applicant, missing);
            }

            return hasReport ? null : new DevelopmentTask(DevelopmentTaskKind.ThoughtReport, to.AddDays(-1), TaskOwner.Applicant, 0);
        }
    }

    private static DateOnly Latest(DevelopmentRecord record, params DevelopmentStepKind[] kinds) =>
        kinds.Select(record.DateOf).Where(d => d is not null).Max()!.Value;
}
