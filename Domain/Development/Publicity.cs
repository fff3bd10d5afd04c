namespace SmartBranch.Domain.Development;

/// <summary>
/// 公示: before admission (step 15) and before confirmation (step 23) the branch publishes the person's name
/// and the step to the organisation for a number of working days (configurable, 5 by default); the next step
/// waits until the period is over. Objections go to the branch committee only.
/// </summary>
public sealed class Publicity
{
    private Publicity()
    {
    }

    public Publicity(int recordId, int branchId, DevelopmentStepKind before, DateOnly startsOn, int workingDays, int createdByMemberId, DateTimeOffset createdAt)
    {
        RecordId = recordId;
        BranchId = branchId;
        Before = before;
        StartsOn = startsOn;
        WorkingDays = workingDays;
        EndsOn = LastDay(startsOn, workingDays);
        CreatedByMemberId = createdByMemberId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int RecordId { get; private set; }

    public int BranchId { get; private set; }

    /// <summary><see cref="DevelopmentStepKind.Admission"/> or <see cref="DevelopmentStepKind.Confirmation"/>.</summary>
    public DevelopmentStepKind Before { get; private set; }

    /// <summary>First day of the publicity (China time).</summary>
    public DateOnly StartsOn { get; private set; }

    public int WorkingDays { get; private set; }

    /// <summary>Last day of the publicity: the <see cref="WorkingDays"/>-th weekday counting <see cref="StartsOn"/> itself.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>The first day the step it precedes may be recorded.</summary>
    public DateOnly NextStepFrom => EndsOn.AddDays(1);

    public int CreatedByMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsRunning(DateOnly today) => today >= StartsOn && today <= EndsOn;

    /// <summary>
    /// The last day of <paramref name="workingDays"/> working days starting on <paramref name="startsOn"/>, counted as
    /// the mailbox counts them (Interaction.WorkingDays: Monday–Friday; holidays are not known).
    /// </summary>
    public static DateOnly LastDay(DateOnly startsOn, int workingDays)
    {
        var end = Interaction.WorkingDays.EndOfWorkingDay(Common.LocalCalendar.StartOf(startsOn.AddDays(-1)), workingDays);
        return Common.LocalCalendar.Today(end).AddDays(-1);
    }
}

/// <summary>An objection to a publicity (异议); only the committee of the branch reads it.</summary>
public sealed class PublicityObjection
{
    public const int TextMaxLength = 1000;

    private PublicityObjection()
    {
        Text = string.Empty;
    }

    public PublicityObjection(int publicityId, string text, int fromMemberId, DateTimeOffset createdAt)
    {
        PublicityId = publicityId;
        Text = text;
        FromMemberId = fromMemberId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int PublicityId { get; private set; }

    public string Text { get; private set; }

    public int FromMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
