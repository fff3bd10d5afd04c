using SmartBranch.Domain.Development;

namespace SmartBranch.Api.Features.Development;

/// <summary>A member named in a record: a talk partner, training contact or introducer.</summary>
public sealed record PersonView(int MemberId, string Name, StepPersonRole Role);

/// <summary>
/// One event: the step (its number 1–25, 0 for a thought report or an extension), the day (China time), the
/// people involved, the note, the resolution that decided it, training length (days, class hours), extension
/// (months), who recorded it (null when the applicant submitted it) and when.
/// </summary>
public sealed record StepView(
    long Id,
    DevelopmentStepKind Kind,
    int Number,
    string Name,
    DateOnly OccurredOn,
    string Note,
    IReadOnlyList<PersonView> People,
    int? ResolutionId,
    int? TrainingDays,
    int? TrainingHours,
    int? ExtensionMonths,
    string? RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>What comes next: the step, from which day it may be recorded (null: now) and why not earlier.</summary>
public sealed record NextStepView(DevelopmentStepKind Kind, int Number, string Name, DateOnly? PossibleFrom, string? Reason);

/// <summary>A task owed on the record: what, by when (China time), whose, whether overdue, missed thought reports.</summary>
public sealed record TaskView(DevelopmentTaskKind Kind, string Name, DateOnly DueOn, TaskOwner Owner, bool Overdue, int Missing);

/// <summary>A publicity (公示): before which step, first and last day, how many working days.</summary>
public sealed record PublicityView(int Id, int RecordId, string PersonName, int BranchId, DevelopmentStepKind Before, string BeforeName, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, bool Running);

/// <summary>
/// A development record as the committee, the assigned contacts and the person themself see it: the stage
/// (derived from the events), the events, what comes next and from when, the tasks owed today, the contacts
/// and introducers, the end of probation (admission + probation + extensions) and the publicities.
/// </summary>
public sealed record RecordView(
    int Id,
    int BranchId,
    string Name,
    string Number,
    DateOnly? BirthDate,
    DevelopmentStage Stage,
    string StageName,
    bool Bound,
    int? MemberId,
    IReadOnlyList<StepView> Steps,
    NextStepView? Next,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<PersonView> Contacts,
    IReadOnlyList<PersonView> Introducers,
    DateOnly? ProbationEndsOn,
    int Extensions,
    IReadOnlyList<PublicityView> Publicities);

internal static class DevelopmentViews
{
    /// <summary>Builds the view, loading the names of everyone it mentions.</summary>
    public static async Task<RecordView> RecordAsync(AppDbContext db, DevelopmentRecord record, DevelopmentRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = record.Steps.SelectMany(s => s.People.Select(p => p.MemberId))
            .Concat(record.Steps.Where(s => s.RecordedByMemberId is not null).Select(s => s.RecordedByMemberId!.Value))
            .Distinct()
            .ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var publicities = await db.Publicities.AsNoTracking().Where(p => p.RecordId == record.Id).OrderBy(p => p.StartsOn).ToListAsync(cancellationToken);

        string NameOf(int id) => names.TryGetValue(id, out var name) ? name : string.Empty;
        PersonView Person(int id, StepPersonRole role) => new(id, NameOf(id), role);

        var steps = record.Steps.OrderBy(s => s.OccurredOn).ThenBy(s => s.Kind.IsNumbered() ? s.Kind.Number() : 100).ThenBy(s => s.Id)
            .Select(s => new StepView(s.Id, s.Kind, s.Kind.Number(), s.Kind.DisplayName(), s.OccurredOn, s.Note,
                s.People.Select(p => Person(p.MemberId, p.Role)).ToList(),
                s.ResolutionId, s.TrainingDays, s.TrainingHours, s.ExtensionMonths,
                s.RecordedByMemberId is int by ? NameOf(by) : null, s.RecordedAt))
            .ToList();

        NextStepView? next = null;
        if (record.NextStep is { } kind)
        {
            var publicityEnd = publicities.Where(p => p.Before == kind).Select(p => (DateOnly?)p.EndsOn).LastOrDefault();
            var earliest = record.EarliestOn(kind, rules, publicityEnd);
            next = earliest is not null && earliest.Date > today
                ? new NextStepView(kind, kind.Number(), kind.DisplayName(), earliest.Date, earliest.Reason)
                : new NextStepView(kind, kind.Number(), kind.DisplayName(), null, null);
        }

        return new RecordView(
            record.Id, record.BranchId, record.Name, record.Number, record.BirthDate, record.Stage, record.Stage.DisplayName(),
            record.OpenId is not null || record.MemberId is not null, record.MemberId,
            steps, next, Tasks(record, rules, today),
            record.ContactIds.Select(id => Person(id, StepPersonRole.TrainingContact)).ToList(),
            record.IntroducerIds.Select(id => Person(id, StepPersonRole.Introducer)).ToList(),
            record.ProbationEndsOn(rules), record.ExtensionCount,
            publicities.Select(p => Publicity(p, record.Name, today)).ToList());
    }

    public static IReadOnlyList<TaskView> Tasks(DevelopmentRecord record, DevelopmentRules rules, DateOnly today) =>
        DevelopmentTasks.For(record, rules, today)
            .Select(t => new TaskView(t.Kind, DevelopmentTask.DisplayName(t.Kind), t.DueOn, t.Owner, t.IsOverdueOn(today), t.Missing))
            .ToList();

    public static PublicityView Publicity(Publicity p, string personName, DateOnly today) =>
        new(p.Id, p.RecordId, personName, p.BranchId, p.Before, p.Before.DisplayName(), p.StartsOn, p.EndsOn, p.WorkingDays, p.IsRunning(today));
}
