using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Meetings;

public static class ScheduleMeeting
{
    /// <summary>
    /// A new meeting. <c>unitId</c> is the branch, or the party group for a group meeting. Expected attendees
    /// follow from the type (whole branch, committee, or group) plus <c>addMemberIds</c> minus
    /// <c>removeMemberIds</c>. Convener defaults to the caller; visibility to the type's default.
    /// </summary>
    public sealed record Request(MeetingType? Type, int UnitId) : MeetingFields;

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Type).NotNull().WithMessage("请选择会议类型。");
            RuleFor(r => r.UnitId).GreaterThan(0).WithMessage("请选择召开会议的组织。");
            Include(new MeetingDetailsValidator());
        }
    }

    public static async Task<Results<Created<MeetingDetail>, ProblemHttpResult>> Handle(
        Request request,
        ReminderScheduler reminders,
        TextContentCheck check,
        IOptions<MeetingOptions> options,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var type = request.Type!.Value;
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, cancellationToken);
        if (unit is null || !access.CanView(unit.Id) && !access.CanManage(unit.Id))
        {
            return Problems.NotFound("组织不存在或您无权查看。");
        }

        if (!access.CanManage(unit.Id))
        {
            return Problems.Forbidden("只有支委（党小组会可由党小组长）才能安排会议。");
        }

        var expectedKind = type.IsHeldByGroup() ? UnitKind.PartyGroup : UnitKind.Branch;
        if (unit.Kind != expectedKind)
        {
            return Problems.BadRequest("组织不匹配", type.IsHeldByGroup() ? "党小组会须由党小组召开，请选择党小组。" : $"{type.DisplayName()}须由党支部召开，请选择党支部。");
        }

        // Topic, agenda and place reach members, calendar feeds and the big screen: the shared text policy.
        var screening = await check.ScreenAsync(current.OpenId, request.Topic.Trim(), [request.Agenda, request.Place], cancellationToken);
        if (screening.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var branchId = access.BranchOf(unit.Id)!.Value;
        var now = time.GetUtcNow();
        var convenerId = request.ConvenerId ?? current.Id;
        var (added, peopleError) = await ExpectedAttendees.CheckNamedAsync(db, branchId, convenerId, request, cancellationToken);
        if (peopleError is not null)
        {
            return Problems.From(peopleError);
        }

        var attendees = await ExpectedAttendees.DefaultsAsync(db, type, branchId, unit.Id, LocalCalendar.Today(now), cancellationToken);

        var removed = (request.RemoveMemberIds ?? []).ToHashSet();
        var details = request.ToDetails(convenerId, type.DefaultVisibility());
        var (meeting, error) = Meeting.Schedule(
            type,
            branchId,
            unit.Id,
            details,
            attendees.Concat(added!).Where(a => !removed.Contains(a.MemberId)),
            current.Id,
            CheckInCodes.NewSecret(),
            now);
        if (error is not null)
        {
            return Problems.From(error);
        }

        // The reminders need the meeting's id; one transaction keeps meeting and reminders together.
        db.Meetings.Add(meeting!);
        await db.SaveWithAuditAsync(async token =>
        {
            await MeetingReminders.ScheduleUpcomingAsync(reminders, options.Value, meeting!, meeting!.Attendees.Select(a => a.MemberId).ToList(), now, token);
            audit.Record(branchId, "meeting.scheduled", SubjectTypes.Meeting, meeting.Id,
                $"安排{type.DisplayName()}「{meeting.Topic}」，{MeetingReminders.When(meeting.StartsAt)}，应到{meeting.Attendees.Count}人{screening.Value.AuditNote()}");
        }, cancellationToken);

        var detail = await MeetingViews.DetailAsync(db, meeting!, access, now, cancellationToken);
        return TypedResults.Created($"/api/meetings/{meeting!.Id}", detail);
    }
}
