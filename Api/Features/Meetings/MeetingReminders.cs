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

    /// <summary>
    /// Schedules the meeting's slots for <paramref name="memberIds"/> (idempotent per member and slot): each slot
    /// still ahead at its time; the slots already past collapse into one reminder due now (a meeting scheduled
    /// 30 minutes ahead gets exactly one), named after the latest of them. Nothing once the meeting has started.
    /// </summary>
    public static async Task ScheduleUpcomingAsync(ReminderScheduler scheduler, MeetingOptions options, Meeting meeting, IReadOnlyCollection<int> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return;
        }

        foreach (var (slot, dueAt) in Plan(options, meeting, now))
        {
            if (dueAt is { } due)
            {
                await scheduler.ScheduleAsync(ReminderKind.Meeting, SubjectTypes.Meeting, meeting.Id, slot, memberIds, due, Upcoming(meeting), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Moves every slot to the meeting's current start (past slots collapse as in <see cref="ScheduleUpcomingAsync"/>;
    /// the others that have passed are cancelled), refreshes what they say, and fills in slots the attendees do not have yet.
    /// </summary>
    public static async Task MoveAsync(ReminderScheduler scheduler, MeetingOptions options, Meeting meeting, IReadOnlyCollection<int> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (slot, dueAt) in Plan(options, meeting, now))
        {
            if (dueAt is { } due)
            {
                await scheduler.RescheduleAsync(SubjectTypes.Meeting, meeting.Id, slot, due, Upcoming(meeting), cancellationToken);
            }
            else
            {
                await scheduler.CancelAsync(SubjectTypes.Meeting, meeting.Id, slot, cancellationToken);
            }
        }

        await ScheduleUpcomingAsync(scheduler, options, meeting, memberIds, now, cancellationToken);
    }

    /// <summary>Each configured slot with when it is due, or null when it is not sent (passed and collapsed into a later one, or the meeting has started).</summary>
    private static List<(string Slot, DateTimeOffset? DueAt)> Plan(MeetingOptions options, Meeting meeting, DateTimeOffset now)
    {
        // Slots come longest offset first, i.e. earliest due first; the last one already due stands for all passed ones.
        var slots = options.ReminderSlots().Select(s => (s.Slot, DueAt: meeting.StartsAt - s.Offset)).ToList();
        var collapsed = meeting.StartsAt > now ? slots.FindLastIndex(s => s.DueAt <= now) : slots.Count - 1;
        return slots.Select((s, i) => (s.Slot, i > collapsed ? s.DueAt
            : i == collapsed && meeting.StartsAt > now ? now
            : (DateTimeOffset?)null)).ToList();
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
