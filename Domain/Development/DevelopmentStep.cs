using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Development;

/// <summary>How a member takes part in a step.</summary>
public enum StepPersonRole
{
    /// <summary>谈话人 (steps 2 and 16)</summary>
    [Label("谈话人")]
    TalkPartner,

    /// <summary>培养联系人 (step 5; 1–2 full members)</summary>
    [Label("培养联系人")]
    TrainingContact,

    /// <summary>入党介绍人 (step 9; two full members)</summary>
    [Label("入党介绍人")]
    Introducer,
}

/// <summary>A member involved in a step.</summary>
public sealed record StepPerson(int MemberId, StepPersonRole Role);

/// <summary>
/// One dated event of a development record: a numbered step, a thought report or an extension of probation,
/// with who recorded it, the members involved, a note and, for admission and confirmation, the general
/// meeting's resolution. Events are never edited; the record's stage follows from them.
/// </summary>
public sealed class DevelopmentStep
{
    public const int NoteMaxLength = 500;

    private readonly List<StepPerson> _people = [];

    private DevelopmentStep()
    {
        Note = string.Empty;
    }

    internal DevelopmentStep(int recordId, DevelopmentStepKind kind, DateOnly occurredOn, string note, IEnumerable<StepPerson> people, StepDetails details, int? recordedByMemberId, DateTimeOffset recordedAt)
    {
        RecordId = recordId;
        Kind = kind;
        OccurredOn = occurredOn;
        Note = note;
        _people.AddRange(people);
        ResolutionId = details.ResolutionId;
        TrainingDays = details.TrainingDays;
        TrainingHours = details.TrainingHours;
        ExtensionMonths = details.ExtensionMonths;
        RecordedByMemberId = recordedByMemberId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int RecordId { get; private set; }

    public DevelopmentStepKind Kind { get; private set; }

    /// <summary>The day it happened (China time).</summary>
    public DateOnly OccurredOn { get; private set; }

    public string Note { get; private set; }

    public IReadOnlyList<StepPerson> People => _people;

    /// <summary>The general meeting's resolution (admission, confirmation, optionally an extension).</summary>
    public int? ResolutionId { get; private set; }

    /// <summary>Days of concentrated training (step 11).</summary>
    public int? TrainingDays { get; private set; }

    /// <summary>Class hours of concentrated training (step 11).</summary>
    public int? TrainingHours { get; private set; }

    /// <summary>Months the probation is extended by (延长预备期).</summary>
    public int? ExtensionMonths { get; private set; }

    /// <summary>The member who recorded it; null when the applicant submitted it (a thought report).</summary>
    public int? RecordedByMemberId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>True when the applicant wrote it themself (a thought report sent from the mini-program).</summary>
    public bool ByApplicant => RecordedByMemberId is null;
}

/// <summary>What some steps carry besides the date and the people.</summary>
public sealed record StepDetails(int? ResolutionId = null, int? TrainingDays = null, int? TrainingHours = null, int? ExtensionMonths = null)
{
    public static StepDetails None { get; } = new();
}
