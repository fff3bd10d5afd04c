using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Development;

/// <summary>The earliest day a step may be recorded and why (shown when a step is refused as too early).</summary>
public sealed record EarliestDay(DateOnly Date, string Reason);

/// <summary>
/// A person in development (发展党员) in a branch, from application to full membership: who they are, the WeChat
/// account bound to the record, and the dated events (<see cref="DevelopmentStep"/>) that are the record. The
/// stage is derived from the events and never stored. Timing follows <see cref="DevelopmentRules"/>.
/// </summary>
public sealed class DevelopmentRecord
{
    public const int NameMaxLength = Organization.Member.NameMaxLength;
    public const int NumberMaxLength = Organization.Member.NumberMaxLength;
    public const int OpenIdMaxLength = Organization.Member.OpenIdMaxLength;

    private readonly List<DevelopmentStep> _steps = [];

    private DevelopmentRecord()
    {
        Name = string.Empty;
        Number = string.Empty;
    }

    public DevelopmentRecord(int branchId, string name, string number, DateOnly? birthDate, DateTimeOffset createdAt)
    {
        BranchId = branchId;
        Name = name;
        Number = number;
        BirthDate = birthDate;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>The branch developing the person (they belong to it before they are a member).</summary>
    public int BranchId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Student or staff number (学工号), unique in the branch's records.</summary>
    public string Number { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>WeChat openid bound by invitation while the person is not a member yet; moves to the member at admission.</summary>
    public string? OpenId { get; private set; }

    public DateTimeOffset? BoundAt { get; private set; }

    /// <summary>The roster entry made at admission (step 15), or matched by number for an imported history.</summary>
    public int? MemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Bumped by every event, so two people recording at once cannot both pass the order check.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DevelopmentStep> Steps => _steps;

    /// <summary>The highest numbered step recorded (0 when none).</summary>
    public int LastNumber => _steps.Where(s => s.Kind.IsNumbered()).Select(s => s.Kind.Number()).DefaultIfEmpty(0).Max();

    public DevelopmentStage Stage => DevelopmentSteps.StageAfter(LastNumber);

    /// <summary>The first day the step happened (repeatable steps: the latest), or null.</summary>
    public DateOnly? DateOf(DevelopmentStepKind kind) =>
        _steps.Where(s => s.Kind == kind).Select(s => (DateOnly?)s.OccurredOn).DefaultIfEmpty(null).Max();

    /// <summary>The people of the latest event of <paramref name="kind"/> in <paramref name="role"/>.</summary>
    public IReadOnlyList<int> PeopleOf(DevelopmentStepKind kind, StepPersonRole role) =>
        _steps.Where(s => s.Kind == kind).OrderBy(s => s.OccurredOn).ThenBy(s => s.Id).LastOrDefault()?.People
            .Where(p => p.Role == role).Select(p => p.MemberId).ToList() ?? [];

    /// <summary>The training contacts assigned at step 5.</summary>
    public IReadOnlyList<int> ContactIds => PeopleOf(DevelopmentStepKind.ContactsAssigned, StepPersonRole.TrainingContact);

    /// <summary>The introducers assigned at step 9.</summary>
    public IReadOnlyList<int> IntroducerIds => PeopleOf(DevelopmentStepKind.IntroducersAssigned, StepPersonRole.Introducer);

    public int ExtensionCount => _steps.Count(s => s.Kind == DevelopmentStepKind.ProbationExtended);

    /// <summary>The day probation ends and confirmation becomes possible: admission plus the probation and every extension.</summary>
    public DateOnly? ProbationEndsOn(DevelopmentRules rules) =>
        DateOf(DevelopmentStepKind.Admission)?.AddMonths(rules[DevelopmentRules.ProbationMonths]
            + _steps.Where(s => s.Kind == DevelopmentStepKind.ProbationExtended).Sum(s => s.ExtensionMonths ?? 0));

    public void UpdateDetails(string name, string number, DateOnly? birthDate)
    {
        Name = name;
        Number = number;
        BirthDate = birthDate;
    }

    public Result BindTo(string openId, DateTimeOffset now)
    {
        if (OpenId is not null || MemberId is not null)
        {
            return DomainError.Conflict("development.already_bound", "该发展对象已绑定微信账号，如需更换请联系支部书记。");
        }

        OpenId = openId;
        BoundAt = now;
        return Result.Ok;
    }

    /// <summary>Links the roster entry made at admission; the WeChat binding moves there (returned, so the member can take it).</summary>
    public string? BecomeMember(int memberId)
    {
        MemberId = memberId;
        var openId = OpenId;
        OpenId = null;
        BoundAt = null;
        return openId;
    }

    /// <summary>
    /// The record as it stood at the end of <paramref name="day"/>: only the events that had happened by then (the
    /// record itself when nothing was later). For worklists of a past or given day; never saved.
    /// </summary>
    public DevelopmentRecord AsOf(DateOnly day)
    {
        if (_steps.TrueForAll(s => s.OccurredOn <= day))
        {
            return this;
        }

        var copy = new DevelopmentRecord(BranchId, Name, Number, BirthDate, CreatedAt) { Id = Id, MemberId = MemberId, OpenId = OpenId, BoundAt = BoundAt };
        copy._steps.AddRange(_steps.Where(s => s.OccurredOn <= day));
        return copy;
    }

    /// <summary>Links an existing roster entry (an imported history whose person is already on the roster).</summary>
    public void LinkMember(int memberId) => MemberId = memberId;

    /// <summary>
    /// The step that comes next in order (the repeatable observation steps may come again), or null when the
    /// record is complete.
    /// </summary>
    public DevelopmentStepKind? NextStep => LastNumber >= 25 ? null : (DevelopmentStepKind)(LastNumber + 1);

    /// <summary>
    /// The earliest day <paramref name="kind"/> may be recorded under <paramref name="rules"/>: not before the
    /// previous event, and the timing rules (age at application, a year as activist, the publicity period, the
    /// probation). <paramref name="publicityEndsOn"/> is the last day of the publicity before admission or
    /// confirmation, when one was held. Null when nothing holds it back.
    /// </summary>
    public EarliestDay? EarliestOn(DevelopmentStepKind kind, DevelopmentRules rules, DateOnly? publicityEndsOn)
    {
        var candidates = new List<EarliestDay>();
        var previous = kind == DevelopmentStepKind.ThoughtReport
            ? DateOf(DevelopmentStepKind.ActivistConfirmed)
            : _steps.Where(s => s.Kind.IsNumbered()).Select(s => (DateOnly?)s.OccurredOn).DefaultIfEmpty(null).Max();
        if (previous is DateOnly before)
        {
            candidates.Add(new EarliestDay(before, "不能早于上一步骤的日期"));
        }

        switch (kind)
        {
            case DevelopmentStepKind.Application when BirthDate is DateOnly birth:
                candidates.Add(new EarliestDay(birth.AddYears(rules[DevelopmentRules.MinAgeYears]), $"递交入党申请时须年满{rules[DevelopmentRules.MinAgeYears]}周岁"));
                break;
            case DevelopmentStepKind.CandidateConfirmed when DateOf(DevelopmentStepKind.ActivistConfirmed) is DateOnly activist:
                candidates.Add(new EarliestDay(activist.AddMonths(rules[DevelopmentRules.ActivistMinMonths]), $"确定为入党积极分子后须经过{rules[DevelopmentRules.ActivistMinMonths]}个月以上的培养考察"));
                break;
            case DevelopmentStepKind.Confirmation when ProbationEndsOn(rules) is DateOnly end:
                candidates.Add(new EarliestDay(end, "预备期满后方可讨论转正"));
                break;
        }

        if (kind is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation && publicityEndsOn is DateOnly last)
        {
            candidates.Add(new EarliestDay(last.AddDays(1), "须待公示期结束"));
        }

        return candidates.OrderByDescending(c => c.Date).FirstOrDefault();
    }

    /// <summary>
    /// Refuses a publicity (公示) that does not fit the record: before admission it follows the committee review
    /// (step 12) and precedes admission; before confirmation it follows the application for full membership (step 22);
    /// it cannot start before the last step or after <paramref name="today"/> plus a month.
    /// </summary>
    public Result CheckPublicity(DevelopmentStepKind before, DateOnly startsOn, DateOnly today)
    {
        var last = LastNumber;
        var fits = before switch
        {
            DevelopmentStepKind.Admission => last is >= 12 and < 15,
            DevelopmentStepKind.Confirmation => last == 22,
            _ => false,
        };
        if (!fits)
        {
            return before is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation
                ? new DomainError("development.publicity_not_now", before == DevelopmentStepKind.Admission
                    ? "接收预备党员前的公示应在支部委员会审查之后、支部党员大会讨论之前进行。"
                    : "转正前的公示应在本人提出转正申请之后、支部党员大会讨论之前进行。")
                : new DomainError("development.publicity_step", "只有接收预备党员和预备党员转正之前需要公示。");
        }

        var previous = _steps.Where(s => s.Kind.IsNumbered()).Max(s => s.OccurredOn);
        if (startsOn < previous || startsOn > today.AddMonths(1))
        {
            return new DomainError("development.publicity_date", $"公示开始日期应不早于上一步骤（{previous:yyyy-MM-dd}），且不晚于一个月后。");
        }

        return Result.Ok;
    }

    /// <summary>
    /// Records an event. Refuses a day after <paramref name="today"/>; a step out of order or already recorded;
    /// a day before <see cref="EarliestOn"/> (code <c>development.too_early</c>, the message names the day); admission
    /// or confirmation without a finished publicity; training shorter than the rules; an extension outside probation,
    /// beyond the allowed count or length. People and resolutions are checked by the caller, which knows the roster.
    /// With <paramref name="history"/> (an imported ledger) only the order and the dates' sequence are checked.
    /// </summary>
    public Result<DevelopmentStep> Record(
        DevelopmentStepKind kind,
        DateOnly on,
        DateOnly today,
        DevelopmentRules rules,
        string note,
        IReadOnlyList<StepPerson> people,
        StepDetails details,
        int? recordedByMemberId,
        DateTimeOffset now,
        DateOnly? publicityEndsOn = null,
        bool history = false)
    {
        if (on > today)
        {
            return new DomainError("development.date_in_future", "日期不能晚于今天。");
        }

        var last = LastNumber;
        if (OrderError(kind, last, rules) is { } orderError)
        {
            return orderError;
        }

        if (!history)
        {
            if (kind is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation && publicityEndsOn is null)
            {
                return new DomainError("development.publicity_missing", $"「{kind.DisplayName()}」之前须先进行公示。");
            }

            if (kind == DevelopmentStepKind.CandidateTraining
                && (details.TrainingDays ?? 0) < rules[DevelopmentRules.TrainingMinDays]
                && (details.TrainingHours ?? 0) < rules[DevelopmentRules.TrainingMinHours])
            {
                return new DomainError("development.training_too_short",
                    $"集中培训时间一般不少于{rules[DevelopmentRules.TrainingMinDays]}天或{rules[DevelopmentRules.TrainingMinHours]}个学时。");
            }

            if (kind == DevelopmentStepKind.ProbationExtended
                && (details.ExtensionMonths is not int months || months < rules[DevelopmentRules.ExtensionMinMonths] || months > rules[DevelopmentRules.ExtensionMaxMonths]))
            {
                return new DomainError("development.extension_length",
                    $"预备期延长时间应为{rules[DevelopmentRules.ExtensionMinMonths]}至{rules[DevelopmentRules.ExtensionMaxMonths]}个月。");
            }
        }

        if (EarliestOn(kind, rules, history ? null : publicityEndsOn) is { } earliest
            && on < earliest.Date
            && (!history || earliest.Reason == "不能早于上一步骤的日期"))
        {
            return new DomainError("development.too_early", $"「{kind.DisplayName()}」最早可于{earliest.Date:yyyy-MM-dd}记录（{earliest.Reason}）。");
        }

        var step = new DevelopmentStep(Id, kind, on, note, people, details, recordedByMemberId, now);
        _steps.Add(step);
        Version++;
        return step;
    }

    private DomainError? OrderError(DevelopmentStepKind kind, int last, DevelopmentRules rules)
    {
        switch (kind)
        {
            case DevelopmentStepKind.ThoughtReport:
                return last is >= 3 and < 25 ? null
                    : new DomainError("development.no_thought_report", "确定为入党积极分子后才需提交思想汇报。");
            case DevelopmentStepKind.ProbationExtended when last is < 15 or >= 23:
                return new DomainError("development.not_probationary", "只有预备期内才能延长预备期。");
            case DevelopmentStepKind.ProbationExtended when ExtensionCount >= rules[DevelopmentRules.ExtensionMaxCount]:
                return DomainError.Conflict("development.extension_used", $"预备期只能延长{rules[DevelopmentRules.ExtensionMaxCount]}次，已经延长过。");
            case DevelopmentStepKind.ProbationExtended:
                return null;
        }

        var number = kind.Number();
        if (number == 0)
        {
            return new DomainError("development.unknown_step", "步骤无效。");
        }

        if (number <= last && !(kind.IsRepeatable() && number == last))
        {
            return DomainError.Conflict("development.step_done", $"第{number}步「{kind.DisplayName()}」已经记录过。");
        }

        if (number > last + 1)
        {
            var next = (DevelopmentStepKind)(last + 1);
            return new DomainError("development.out_of_order", $"请先完成第{last + 1}步「{next.DisplayName()}」。");
        }

        return null;
    }
}
