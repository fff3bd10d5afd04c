using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

public static class UpdateMeeting
{
    /// <summary>
    /// The meeting's new details (type and organising unit cannot change). <c>addMemberIds</c> and
    /// <c>removeMemberIds</c> adjust the current expected attendees. Moving the start moves the reminders
    /// and tells the attendees. Once the meeting has attendance recorded or published minutes its start and end
    /// can no longer change: 409 <c>meeting.time_on_record</c> "会议已有签到或已发布纪要，不能再修改时间。"
    /// (send the times unchanged to correct the topic, place or agenda).
    /// </summary>
    public sealed record Request : MeetingFields;

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => Include(new MeetingDetailsValidator());
    }

    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        ReminderScheduler reminders,
        TextContentCheck check,
        IOptions<MeetingOptions> options,
        [AsParameters] HandlerServices services)
    {
        var (_, db, audit, time, cancellationToken) = services;
        var (change, refusal) = await MeetingAccess.FindToOrganizeAsync(services, check, id, tracked: true, "只有会议召集人或支委才能修改会议。", request.Topic.Trim(), [request.Agenda, request.Place]);
        if (change is null)
        {
            return Problems.From(refusal!);
        }

        var (meeting, access, verdict) = change;

        var convenerId = request.ConvenerId ?? meeting.ConvenerId;
        var (added, peopleError) = await ExpectedAttendees.CheckNamedAsync(db, meeting.BranchId, convenerId, request, cancellationToken);
        if (peopleError is not null)
        {
            return Problems.From(peopleError);
        }

        var now = time.GetUtcNow();
        var before = (meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.OnlineLink);
        var minutesPublished = await db.Minutes.AnyAsync(m => m.MeetingId == meeting.Id && m.PublishedAt != null, cancellationToken);
        var updated = meeting.Update(request.ToDetails(convenerId, meeting.Visibility), now, minutesPublished);
        if (!updated.Succeeded)
        {
            return Problems.From(updated.Error!);
        }

        var removedIds = new List<int>();
        foreach (var memberId in (request.RemoveMemberIds ?? []).Distinct())
        {
            if (meeting.Find(memberId) is null)
            {
                continue;
            }

            var removal = meeting.RemoveAttendee(memberId);
            if (!removal.Succeeded)
            {
                return Problems.From(removal.Error!);
            }

            removedIds.Add(memberId);
        }

        var addedIds = added!.Where(a => meeting.AddAttendee(a.MemberId, a.HasVote)).Select(a => a.MemberId).ToList();
        if (meeting.Attendees.Count == 0)
        {
            return Problems.BadRequest("应到人员为空", "应到人员不能为空。");
        }

        var attendeeIds = meeting.Attendees.Select(a => a.MemberId).ToList();
        if (removedIds.Count > 0)
        {
            await reminders.CancelAsync(SubjectTypes.Meeting, meeting.Id, null, cancellationToken, removedIds);
        }

        // Reschedule every slot (the content may have changed even when the time did not), then add the newcomers.
        await MeetingReminders.MoveAsync(reminders, options.Value, meeting, attendeeIds, now, cancellationToken);
        var moved = before != (meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.OnlineLink);
        if (moved)
        {
            await MeetingReminders.TellMovedAsync(reminders, meeting, attendeeIds.Except(addedIds).ToList(), now, cancellationToken);
        }

        audit.Record(meeting.BranchId, moved ? "meeting.moved" : "meeting.updated", SubjectTypes.Meeting, meeting.Id,
            $"修改{meeting.Type.DisplayName()}「{meeting.Topic}」，{MeetingReminders.When(meeting.StartsAt)}；新增{addedIds.Count}人，移除{removedIds.Count}人{verdict.AuditNote()}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await MeetingViews.DetailAsync(db, meeting, access, now, cancellationToken));
    }
}
