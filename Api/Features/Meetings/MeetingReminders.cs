using System.Globalization;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>
/// The reminders of a meeting: one per attendee for each configured slot before the start ("24h", "1h"),
/// plus one-off notices when it moves or is cancelled. Rows go through <see cref="ReminderScheduler"/> on
/// the caller's DbContext and are saved with the change.
/// </summary>
internal static class MeetingReminders
{
    public const string CancelledSlot = "cancelled";

    public static string Page(int meetingId) => MiniProgramPages.MeetingDetail(meetingId);

    public static string When(DateTimeOffset instant) =>
        LocalCalendar.ToLocal(instant).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Where(Meeting meeting) => meeting.Place ?? "线上会议";

    /// <summary>Schedules the slots still in the future for <paramref name="memberIds"/> (idempotent per member and slot).</summary>
    public static async Task ScheduleUpcomingAsync(ReminderScheduler scheduler, MeetingOptions options, Meeting meeting, IReadOnlyCollection<int> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return;
        }

        foreach (var (slot, offset) in options.ReminderSlots())
        {
            var dueAt = meeting.StartsAt - offset;
            if (dueAt > now)
            {
                await scheduler.ScheduleAsync(ReminderKind.Meeting, SubjectTypes.Meeting, meeting.Id, slot, memberIds, dueAt, Upcoming(meeting), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Moves every slot to the meeting's current start (slots now in the past are cancelled), refreshes what
    /// they say, and fills in slots the attendees do not have yet.
    /// </summary>
    public static async Task MoveAsync(ReminderScheduler scheduler, MeetingOptions options, Meeting meeting, IReadOnlyCollection<int> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (slot, offset) in options.ReminderSlots())
        {
            var dueAt = meeting.StartsAt - offset;
            if (dueAt > now)
            {
                await scheduler.RescheduleAsync(SubjectTypes.Meeting, meeting.Id, slot, dueAt, Upcoming(meeting), cancellationToken);
            }
            else
            {
                await scheduler.CancelAsync(SubjectTypes.Meeting, meeting.Id, slot, cancellationToken);
            }
        }

        await ScheduleUpcomingAsync(scheduler, options, meeting, memberIds, now, cancellationToken);
    }

    /// <summary>Tells attendees now that the time or place changed.</summary>
    public static Task TellMovedAsync(ReminderScheduler scheduler, Meeting meeting, IReadOnlyCollection<int> memberIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        scheduler.ScheduleAsync(
            ReminderKind.Meeting,
            SubjectTypes.Meeting,
            meeting.Id,
            $"moved-{meeting.Sequence.ToString(CultureInfo.InvariantCulture)}",
            memberIds,
            now,
            new ReminderContent(
                "会议时间地点变更",
                $"{meeting.Type.DisplayName()}「{meeting.Topic}」调整为{When(meeting.StartsAt)}在{Where(meeting)}召开，请留意。",
                Page(meeting.Id),
                meeting.Topic,
                meeting.StartsAt,
                Where(meeting),
                "会议时间或地点已变更"),
            cancellationToken);

    /// <summary>Cancels every pending reminder and tells the attendees, due now.</summary>
    public static async Task CancelAllAsync(ReminderScheduler scheduler, Meeting meeting, IReadOnlyCollection<int> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await scheduler.CancelAsync(SubjectTypes.Meeting, meeting.Id, null, cancellationToken);
        var reason = meeting.CancelReason is { Length: > 0 } r ? $"原因：{r}" : "会议已取消";
        await scheduler.ScheduleAsync(
            ReminderKind.Meeting,
            SubjectTypes.Meeting,
            meeting.Id,
            CancelledSlot,
            memberIds,
            now,
            new ReminderContent(
                "会议取消",
                $"原定于{When(meeting.StartsAt)}召开的{meeting.Type.DisplayName()}「{meeting.Topic}」已取消。{reason}",
                Page(meeting.Id),
                meeting.Topic,
                meeting.StartsAt,
                Where(meeting),
                reason),
            cancellationToken);
    }

    private static ReminderContent Upcoming(Meeting meeting) => new(
        "会议提醒",
        $"{meeting.Type.DisplayName()}「{meeting.Topic}」将于{When(meeting.StartsAt)}在{Where(meeting)}召开，请准时参加；不能参加请在小程序中请假。",
        Page(meeting.Id),
        meeting.Topic,
        meeting.StartsAt,
        Where(meeting),
        meeting.Type.DisplayName());
}
