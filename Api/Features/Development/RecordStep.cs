using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

public static class RecordStep
{
    /// <summary>
    /// An event on the record: <c>kind</c> (a step name such as <c>ApplicantTalk</c>, or <c>ThoughtReport</c>,
    /// <c>ProbationExtended</c>), the day (China time; default today; admission and confirmation take the general
    /// meeting's day), a note, and what the step needs: <c>talkPartnerIds</c> (step 2), 1–2 <c>contactIds</c>
    /// (step 5, full members), two <c>introducerIds</c> (step 9, full members), <c>trainingDays</c>/<c>trainingHours</c>
    /// (step 11), <c>resolutionId</c> (steps 15 and 23: a passed resolution of the branch's general meeting; optional
    /// for an extension), <c>extensionMonths</c> (an extension, 6–12 by default).
    /// </summary>
    public sealed record Request(
        DevelopmentStepKind Kind,
        DateOnly? OccurredOn,
        string? Note,
        int[]? TalkPartnerIds,
        int[]? ContactIds,
        int[]? IntroducerIds,
        int? ResolutionId,
        int? TrainingDays,
        int? TrainingHours,
        int? ExtensionMonths);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).IsInEnum().WithMessage("步骤无效。")
                .Must(k => k != DevelopmentStepKind.Application).WithMessage("入党申请在新建发展对象时登记。");
            RuleFor(r => r.Note).MaximumLength(DevelopmentStep.NoteMaxLength);
            RuleFor(r => r.TalkPartnerIds).NotEmpty().When(r => r.Kind == DevelopmentStepKind.ApplicantTalk).WithMessage("请选择谈话人。");
            RuleFor(r => r.ContactIds).Must(ids => ids is { Length: 1 or 2 } && ids.Distinct().Count() == ids.Length)
                .When(r => r.Kind == DevelopmentStepKind.ContactsAssigned).WithMessage("请指定1至2名培养联系人。");
            RuleFor(r => r.IntroducerIds).Must(ids => ids is { Length: 2 } && ids[0] != ids[1])
                .When(r => r.Kind == DevelopmentStepKind.IntroducersAssigned).WithMessage("请确定2名入党介绍人。");
            RuleFor(r => r.ResolutionId).NotNull().When(r => r.Kind is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation)
                .WithMessage("请选择支部党员大会的表决决议。");
            RuleFor(r => r.ExtensionMonths).NotNull().When(r => r.Kind == DevelopmentStepKind.ProbationExtended).WithMessage("请填写延长的月数。");
            RuleFor(r => r.TrainingDays).InclusiveBetween(0, 366);
            RuleFor(r => r.TrainingHours).InclusiveBetween(0, 5000);
        }
    }

    /// <summary>Steps a training contact or introducer may record; the committee records every step.</summary>
    private static readonly DevelopmentStepKind[] ContactSteps =
        [DevelopmentStepKind.ActivistObservation, DevelopmentStepKind.ProbationObservation, DevelopmentStepKind.ThoughtReport];

    /// <summary>
    /// 201 with the record as it now stands. Admission (15) puts the person on the roster as a probationary member
    /// (status event <c>Admitted</c>, their WeChat binding moves along); confirmation (23) makes them a full member and
    /// an extension extends the probation (status events <c>BecameFull</c>, <c>ProbationExtended</c>), each linked to
    /// the resolution. 400: too early (<c>code</c> development.too_early and <c>possibleOn</c>, the first day it is
    /// possible), out of order, a day ahead, people who are not full members, a resolution that is not a passed one of
    /// this branch's general meeting, training too short, publicity missing, extension length. 409: step already
    /// recorded, extension already used, someone recorded at the same moment. 403: a contact recording a committee
    /// step. 404: not the caller's record.
    /// </summary>
    public static async Task<Results<Created<RecordView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (reached, refusal) = await DevelopmentAccess.LoadAsync(db, access, id, tracked: true, cancellationToken);
        if (reached is null)
        {
            return Problems.From(refusal!);
        }

        var (record, role) = reached;
        if (role != RecordRole.Committee && !ContactSteps.Contains(request.Kind))
        {
            return Problems.Forbidden("培养联系人只能记录培养考察情况和思想汇报，其他步骤由支部委员会记录。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        var on = request.OccurredOn ?? today;

        var people = (request.TalkPartnerIds ?? []).Select(m => new StepPerson(m, StepPersonRole.TalkPartner))
            .Concat((request.ContactIds ?? []).Select(m => new StepPerson(m, StepPersonRole.TrainingContact)))
            .Concat((request.IntroducerIds ?? []).Select(m => new StepPerson(m, StepPersonRole.Introducer)))
            .ToList();
        if ((await CheckPeopleAsync(db, access, people, cancellationToken)).Error is { } badPeople)
        {
            return Problems.From(badPeople);
        }

        Resolution? resolution = null;
        if (request.ResolutionId is int resolutionId)
        {
            var decided = await db.Resolutions.AsNoTracking()
                .Where(r => r.Id == resolutionId)
                .Join(db.Meetings.AsNoTracking(), r => r.MeetingId, m => m.Id, (r, m) => new { Resolution = r, Meeting = m })
                .FirstOrDefaultAsync(cancellationToken);
            if (decided is null || decided.Meeting.BranchId != record.BranchId || decided.Meeting.Type != MeetingType.BranchGeneralMeeting || decided.Meeting.IsCancelled)
            {
                return Problems.BadRequest("决议无效", "所选决议不是本支部党员大会的决议。");
            }

            if (!decided.Resolution.Passed)
            {
                return Problems.BadRequest("决议未通过", $"决议「{decided.Resolution.Title}」未获通过，不能据此办理。");
            }

            resolution = decided.Resolution;
            if (request.Kind is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation)
            {
                // The general meeting's day is the day of admission and of confirmation (probation runs from it).
                var meetingDay = LocalCalendar.Today(decided.Meeting.StartsAt);
                if (request.OccurredOn is DateOnly given && given != meetingDay)
                {
                    return Problems.BadRequest("日期与决议不符", $"该步骤的日期以支部党员大会召开之日（{meetingDay:yyyy-MM-dd}）为准。");
                }

                on = meetingDay;
            }
        }

        var note = request.Note?.Trim() ?? string.Empty;
        var (screened, textRefusal) = await check.ScreenAsync(current.OpenId, request.Kind.DisplayName(), [note], cancellationToken);
        if (textRefusal is not null)
        {
            return Problems.From(textRefusal);
        }

        DateOnly? publicityEnd = request.Kind is DevelopmentStepKind.Admission or DevelopmentStepKind.Confirmation
            ? await DevelopmentAccess.PublicityEndsOnAsync(db, record.Id, request.Kind, cancellationToken)
            : null;
        var details = new StepDetails(resolution?.Id, request.TrainingDays, request.TrainingHours, request.ExtensionMonths);
        var (_, error) = record.Record(request.Kind, on, today, rules, note, people, details, current.Id, now, publicityEnd);
        if (error is not null)
        {
            return error.Code == "development.too_early"
                ? DevelopmentAccess.TooEarly(error, record.EarliestOn(request.Kind, rules, publicityEnd)!.Date)
                : Problems.From(error);
        }

        var summary = $"{record.Name}：{request.Kind.DisplayName()}（{on:yyyy-MM-dd}）{screened.AuditNote()}";
        Func<CancellationToken, Task> afterSave = _ =>
        {
            audit.Record(record.BranchId, "development.step", SubjectTypes.DevelopmentRecord, record.Id, summary);
            return Task.CompletedTask;
        };

        switch (request.Kind)
        {
            case DevelopmentStepKind.Admission:
                if (await db.Members.AnyAsync(m => m.Number == record.Number, cancellationToken))
                {
                    return Problems.Conflict("学工号已在名册中", $"学工号 {record.Number} 已在党员名册中，不能重复接收。");
                }

                var member = new Member(record.Name, record.Number, record.BranchId, MembershipStatus.Probationary);
                member.SetMembership(MembershipStatus.Probationary, on, null);
                db.Members.Add(member);
                afterSave = async ct =>
                {
                    if (record.BecomeMember(member.Id) is { } openId && member.BindTo(openId, now).Error is { } bindError)
                    {
                        throw new InvalidOperationException(bindError.Message);
                    }

                    db.MemberStatusEvents.Add(new MemberStatusEvent(member.Id, member.BranchId, MemberStatusChange.Admitted, on, $"支部党员大会决议「{resolution!.Title}」", resolution.Id, current.Id, now));
                    audit.Record(record.BranchId, "development.step", SubjectTypes.DevelopmentRecord, record.Id, summary);
                    await Task.CompletedTask;
                };
                break;
            case DevelopmentStepKind.Confirmation or DevelopmentStepKind.ProbationExtended:
                var probationer = record.MemberId is int memberId ? await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken) : null;
                if (probationer is null)
                {
                    return Problems.Conflict("未关联党员名册", "该发展对象未关联党员名册中的预备党员，请先在名册中核对。");
                }

                var change = request.Kind == DevelopmentStepKind.Confirmation ? MemberStatusChange.BecameFull : MemberStatusChange.ProbationExtended;
                var extendedTo = change == MemberStatusChange.ProbationExtended ? record.ProbationEndsOn(rules)!.Value.AddDays(-1) : (DateOnly?)null;
                if (probationer.ApplyStatusChange(change, on, today, extendedTo).Error is { } statusError)
                {
                    return Problems.From(statusError);
                }

                db.MemberStatusEvents.Add(new MemberStatusEvent(probationer.Id, probationer.BranchId, change, on,
                    resolution is null ? note.Length > 0 ? note : request.Kind.DisplayName() : $"支部党员大会决议「{resolution.Title}」",
                    resolution?.Id, current.Id, now));
                break;
        }

        try
        {
            await db.SaveWithAuditAsync(afterSave, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("记录冲突", "该发展对象的记录刚刚已被他人更新，请刷新后重试。");
        }

        return TypedResults.Created($"/api/development/records/{record.Id}", await DevelopmentViews.RecordAsync(db, record, rules, today, cancellationToken));
    }

    /// <summary>Everyone named must be an active member the caller can see; contacts and introducers must be full members.</summary>
    private static async Task<Result> CheckPeopleAsync(AppDbContext db, AccessScope access, IReadOnlyList<StepPerson> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return Result.Ok;
        }

        var ids = people.Select(p => p.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id) && m.ArchivedOn == null)
            .Select(m => new { m.Id, m.Name, m.BranchId, m.Status })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var person in people)
        {
            if (!members.TryGetValue(person.MemberId, out var member) || !access.CanView(member.BranchId))
            {
                return new DomainError("development.person_unknown", "所选人员不在党员名册中。", ErrorKind.Invalid, "人员无效");
            }

            if (person.Role is StepPersonRole.TrainingContact or StepPersonRole.Introducer && member.Status != MembershipStatus.Full)
            {
                var what = person.Role == StepPersonRole.Introducer ? "入党介绍人" : "培养联系人";
                return new DomainError("development.person_not_full", $"{member.Name}不是正式党员，不能担任{what}。", ErrorKind.Invalid, $"{what}须为正式党员");
            }
        }

        return Result.Ok;
    }
}
