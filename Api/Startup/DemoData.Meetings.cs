using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Features.Meetings;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Startup;

internal static partial class DemoData
{
    private static async Task SeedMeetingsAsync(IServiceProvider services, AppDbContext db, DemoOrg org, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = services.GetRequiredService<ReminderScheduler>();
        var options = services.GetRequiredService<IOptions<MeetingOptions>>().Value;
        var secretary = org.Id("T1001");
        var organizer = org.Id("T1003");

        var generalStart = At(now, 3, 15);
        await ScheduleAsync(db, reminders, options, org, MeetingType.BranchGeneralMeeting, new MeetingDetails(
            "讨论接收预备党员",
            generalStart,
            generalStart.AddHours(2),
            "信息学院楼305会议室",
            null,
            secretary,
            organizer,
            "1. 通报发展对象培养考察情况\n2. 讨论接收预备党员\n3. 表决",
            MeetingType.BranchGeneralMeeting.DefaultVisibility()), now, cancellationToken);

        var committeeStart = At(now, 6, 12, 30);
        await ScheduleAsync(db, reminders, options, org, MeetingType.CommitteeMeeting, new MeetingDetails(
            "研究年度考核与发展党员计划",
            committeeStart,
            committeeStart.AddHours(1),
            "信息学院楼308办公室",
            null,
            secretary,
            organizer,
            "1. 年度考核方案\n2. 发展党员计划",
            MeetingType.CommitteeMeeting.DefaultVisibility()), now, cancellationToken);

        await SeedPastLessonAsync(db, org, now, options, cancellationToken);
    }

    /// <summary>
    /// Schedules a meeting as ScheduleMeeting does: the type's default attendees as they stand today (each with
    /// their vote), the meeting and its reminders saved together.
    /// </summary>
    private static async Task<Meeting> ScheduleAsync(
        AppDbContext db, ReminderScheduler reminders, MeetingOptions options, DemoOrg org, MeetingType type, MeetingDetails details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attendees = await ExpectedAttendees.DefaultsAsync(db, type, org.Teacher.Id, org.Teacher.Id, LocalCalendar.Today(now), cancellationToken);
        var (scheduled, error) = Meeting.Schedule(type, org.Teacher.Id, org.Teacher.Id, details, attendees, details.ConvenerId, CheckInCodes.NewSecret(), now);
        var meeting = Require(scheduled, error);
        db.Meetings.Add(meeting);
        await db.SaveWithAuditAsync(token => MeetingReminders.ScheduleUpcomingAsync(reminders, options, meeting, meeting.Attendees.Select(a => a.MemberId).ToList(), now, token), cancellationToken);
        return meeting;
    }

    /// <summary>
    /// A party lesson held five days ago with attendance and published minutes. Scheduled as of ten days ago
    /// but without reminders: they would have gone out long ago, and rows due in the past would only make the
    /// reminder pipeline send stale messages now.
    /// </summary>
    private static async Task SeedPastLessonAsync(AppDbContext db, DemoOrg org, DateTimeOffset now, MeetingOptions options, CancellationToken cancellationToken)
    {
        var start = At(now, -5, 15);
        var scheduledAt = start.AddDays(-5);
        var recorder = org.Id("T1003");
        var attendees = await ExpectedAttendees.DefaultsAsync(db, MeetingType.PartyLesson, org.Teacher.Id, org.Teacher.Id, LocalCalendar.Today(scheduledAt), cancellationToken);
        var (scheduled, error) = Meeting.Schedule(MeetingType.PartyLesson, org.Teacher.Id, org.Teacher.Id, new MeetingDetails(
            "弘扬科学家精神，立足岗位作贡献",
            start,
            start.AddMinutes(90),
            "信息学院楼305会议室",
            null,
            org.Id("T1001"),
            recorder,
            "书记讲党课，党员交流发言。",
            MeetingType.PartyLesson.DefaultVisibility()), attendees, org.Id("T1001"), CheckInCodes.NewSecret(), scheduledAt);
        var meeting = Require(scheduled, error);

        // Check-ins as CheckInToMeeting records them (the late one is judged by the configured grace); 刘洋 is
        // marked absent by the organiser, the way CheckInMeetingAttendee does. 赵新 (unbound) has no attendance.
        var checkIns = new (string Number, int MinutesFromStart)[] { ("T1000", -15), ("T1001", -20), ("T1002", -8), ("T1003", -25), ("T1004", 12) };
        foreach (var (number, offset) in checkIns)
        {
            var (_, checkInError) = meeting.CheckIn(org.Id(number), start.AddMinutes(offset), options.LateGrace);
            Require(checkInError);
        }

        var (_, absentError) = meeting.RecordAttendance(org.Id("T1005"), AttendanceStatus.Absent, start.AddHours(2));
        Require(absentError);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);

        // Minutes as SaveMinutes stores them: a draft the recorder writes, then published (revision 1).
        var draftedAt = start.AddHours(3);
        var minutes = new Minutes(meeting.Id, string.Empty, recorder, draftedAt);
        var (_, minutesError) = minutes.Save(
            "会议时间：" + LocalCalendar.ToLocal(start).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "\n"
            + "主讲：王建国\n"
            + "出席：黄志强、王建国、李明、张华；迟到：陈静；缺席：刘洋\n\n"
            + "一、王建国同志讲授专题党课，结合学院科研工作阐述科学家精神的内涵。\n"
            + "二、党员交流发言：李明、陈静分别结合教学和科研谈体会。\n"
            + "三、支部要求：各党小组在本月内组织一次专题学习讨论。",
            publish: true,
            recorder,
            draftedAt.AddDays(1),
            start);
        Require(minutesError);
        db.Minutes.Add(minutes);
        await db.SaveChangesAsync(cancellationToken);
    }
}
