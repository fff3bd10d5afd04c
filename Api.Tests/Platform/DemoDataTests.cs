using System.Text.Json;
using SmartBranch.Api.Startup;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// The demo a newcomer starts with <c>dotnet run --project Api</c>: the organisation plus notices, activities
/// and meetings around the current time, seen through the API as dev-member (李明) and dev-secretary (王建国).
/// Nothing here writes, so the tests may share the one seeded database.
/// </summary>
public sealed class DemoDataTests
{
    private DemoApp _demo = null!;
    private HttpClient _member = null!;
    private HttpClient _secretary = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _demo = new DemoApp();
        _member = await _demo.App.SignInAsync("dev-member");
        _secretary = await _demo.App.SignInAsync("dev-secretary");
    }

    [OneTimeTearDown]
    public void Stop() => _demo.Dispose();

    [Test]
    public async Task StartupLogSaysWhenSeededAndHowToSignIn_WhenDemoDataIsEnabled()
    {
        var line = _demo.App.Logs.Lines.Single(l => l.Contains("Demo data seeded at", StringComparison.Ordinal));

        Assert.That(line, Does.Contain("(China time)").And.Contain("POST /api/auth/wechat-login"));
        Assert.That(line, Does.Contain("/console/login").And.Contain("POST /api/console-login/tickets/{ticket}/confirm"), "how to sign in to the PC console without a phone");
        foreach (var (code, who) in DemoData.SignInCodes)
        {
            Assert.That(line, Does.Contain($"dev-{code} ({who})"));
            using var client = await _demo.App.SignInAsync($"dev-{code}");
            var me = await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>();
            Assert.That(who, Does.StartWith(me.GetProperty("member").GetProperty("name").GetString() + ","), $"dev-{code} signs in as the member the log names");
        }
    }

    [Test]
    public async Task StudentBranchHasPeopleAtEveryStage_AndDevApplicantSeesTheirTimeline_WhenDemoDataIsEnabled()
    {
        var line = _demo.App.Logs.Lines.Single(l => l.Contains("Demo data seeded at", StringComparison.Ordinal));
        var applicant = await _demo.App.SignInAsync($"dev-{DemoData.ApplicantSignIn.Code}");
        var me = await (await applicant.GetAsync("/api/development/me")).ReadAsync<JsonElement>();
        var studentSecretary = await _demo.App.SignInAsync("dev-student-secretary");
        var studentBranch = me.GetProperty("branchId").GetInt32();
        var worklist = await (await studentSecretary.GetAsync($"/api/development/units/{studentBranch}/worklist")).ReadAsync<JsonElement>();
        var stages = worklist.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("count").GetInt32());

        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain($"dev-{DemoData.ApplicantSignIn.Code} ({DemoData.ApplicantSignIn.Who})"));
            Assert.That((me.GetProperty("name").GetString(), me.GetProperty("stage").GetString(), me.GetProperty("bound").GetBoolean()), Is.EqualTo(("陈思远", "Activist", true)));
            Assert.That(me.GetProperty("steps").GetArrayLength(), Is.GreaterThanOrEqualTo(6), "a timeline of dated steps");
            Assert.That(me.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "周杰", "郑凯" }));
            Assert.That(stages, Is.EquivalentTo(new Dictionary<string, int> { ["Applicant"] = 2, ["Activist"] = 1, ["Candidate"] = 1, ["Probationary"] = 1, ["Full"] = 0 }));
            Assert.That(worklist.GetProperty("overdue").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("kind").GetString())), Is.SupersetOf(new[] { ("刘子涵", "FirstTalk"), ("陈思远", "ThoughtReport"), ("陈思远", "Observation") }));
            Assert.That(worklist.GetProperty("overdue").GetArrayLength() + worklist.GetProperty("dueThisMonth").GetArrayLength(), Is.GreaterThan(1), $"the worklist has real content: {worklist}");
        });
    }

    [Test]
    public async Task MemberFeedShowsDemoNoticesWithReadState_WhenDemoDataIsEnabled()
    {
        var feed = await (await _member.GetAsync("/api/notices")).ReadAsync<JsonElement>();

        var items = feed.GetProperty("items").EnumerateArray().ToList();
        var titles = items.Select(i => i.GetProperty("title").GetString()).ToList();
        var signOff = items.Single(i => i.GetProperty("requiresAck").GetBoolean());
        var plan = items.Single(i => i.GetProperty("pinned").GetBoolean());
        Assert.Multiple(() =>
        {
            Assert.That(titles[0], Does.EndWith("年度学习计划"), "the pinned notice leads the feed");
            Assert.That(plan.GetProperty("visibility").GetString(), Is.EqualTo("Public"));
            Assert.That(plan.GetProperty("unread").GetBoolean(), Is.False);
            Assert.That(plan.GetProperty("readAt").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(signOff.GetProperty("title").GetString(), Is.EqualTo("关于开展党员组织关系集中排查的通知"));
            Assert.That(signOff.GetProperty("unread").GetBoolean(), Is.True);
            Assert.That(signOff.GetProperty("unitName").GetString(), Is.EqualTo("教工第一党支部"));
            Assert.That(titles, Does.Not.Contain("支委会议题征集"), "a committee notice stays with the committee");
            Assert.That(titles, Does.Not.Contain("学生党员志愿服务报名提醒"), "another branch's internal notice stays there");
        });

        var counts = await (await _member.GetAsync("/api/notices/unread-count")).ReadAsync<JsonElement>();
        Assert.That((counts.GetProperty("unread").GetInt32(), counts.GetProperty("awaitingAck").GetInt32()), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task SecretarySeesNonTrivialSignOffFigures_WhenDemoDataIsEnabled()
    {
        var feed = await (await _secretary.GetAsync("/api/notices")).ReadAsync<JsonElement>();
        var signOff = feed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requiresAck").GetBoolean());

        var recipients = await (await _secretary.GetAsync($"/api/notices/{signOff.GetProperty("id").GetInt32()}/recipients")).ReadAsync<JsonElement>();

        var figures = recipients.GetProperty("figures");
        Assert.Multiple(() =>
        {
            Assert.That(figures.GetProperty("audience").GetInt32(), Is.EqualTo(7));
            Assert.That(figures.GetProperty("read").GetInt32(), Is.EqualTo(3));
            Assert.That(figures.GetProperty("unread").GetInt32(), Is.EqualTo(4));
            Assert.That(figures.GetProperty("acked").GetInt32(), Is.EqualTo(1));
            Assert.That(figures.GetProperty("notAcked").GetInt32(), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task MemberSeesUpcomingActivityAndMeeting_WhenDemoDataIsEnabled()
    {
        var activities = (await (await _member.GetAsync("/api/activities?scope=open")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var past = (await (await _member.GetAsync("/api/activities?scope=past")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var meetings = (await (await _member.GetAsync("/api/meetings?scope=upcoming")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();

        var themed = activities.Single(a => a.GetProperty("title").GetString()!.StartsWith("主题党日", StringComparison.Ordinal));
        var general = meetings.Single(m => m.GetProperty("type").GetString() == "BranchGeneralMeeting");
        Assert.Multiple(() =>
        {
            Assert.That(themed.GetProperty("capacity").GetInt32(), Is.EqualTo(5));
            Assert.That(themed.GetProperty("confirmedCount").GetInt32(), Is.EqualTo(4));
            Assert.That(themed.GetProperty("waitingList").GetBoolean(), Is.True);
            Assert.That(themed.GetProperty("myStatus").ValueKind, Is.EqualTo(JsonValueKind.Null), "dev-member is left to sign up in the walkthrough");
            Assert.That(activities.Select(a => a.GetProperty("title").GetString()), Has.Some.StartsWith("社区志愿服务"));
            Assert.That(past.Single().GetProperty("myCheckedInAt").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(general.GetProperty("isAttendee").GetBoolean(), Is.True);
            Assert.That(general.GetProperty("startsAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddDays(2)).And.LessThan(DateTimeOffset.UtcNow.AddDays(4)));
            Assert.That(meetings.Select(m => m.GetProperty("type").GetString()), Does.Not.Contain("CommitteeMeeting"), "dev-member is not on the committee");
            Assert.That(general.GetProperty("topic").GetString(), Is.EqualTo("讨论接收预备党员"), "the topic does not repeat the type it is shown after");
        });

        var detail = await (await _member.GetAsync($"/api/meetings/{general.GetProperty("id").GetInt32()}")).ReadAsync<JsonElement>();
        Assert.That(detail.GetProperty("quorum").GetProperty("counted").GetInt32(), Is.EqualTo(6), "seven expected, one probationary without a vote");
    }

    [Test]
    public async Task ScheduledMeetingsHaveReminders_WhenDemoDataIsEnabled()
    {
        var meetingReminders = await _demo.App.WithDbAsync(db => db.Reminders.CountAsync(r => r.Kind == ReminderKind.Meeting && r.Status == ReminderStatus.Scheduled));
        var activityReminders = await _demo.App.WithDbAsync(db => db.Reminders.CountAsync(r => r.Kind == ReminderKind.Activity && r.Status == ReminderStatus.Scheduled));

        // General meeting: 7 attendees, committee meeting: 2, each with a 24h and a 1h slot; one start
        // reminder per confirmed sign-up (4 + 2). Nothing for the past lesson and activity.
        Assert.That((meetingReminders, activityReminders), Is.EqualTo((18, 6)));
    }

    [Test]
    public async Task PastLessonMinutesAreReadable_WhenMemberOpensThem()
    {
        var past = (await (await _member.GetAsync("/api/meetings?scope=past")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var lesson = past.Single(m => m.GetProperty("type").GetString() == "PartyLesson");

        var minutes = await (await _member.GetAsync($"/api/meetings/{lesson.GetProperty("id").GetInt32()}/minutes")).ReadAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(lesson.GetProperty("myAttendance").GetString(), Is.EqualTo("Present"));
            Assert.That(minutes.GetProperty("isPublished").GetBoolean(), Is.True);
            Assert.That(minutes.GetProperty("content").GetString(), Does.Contain("专题党课"));
            Assert.That(minutes.GetProperty("revisions").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task UnboundZhaoXinHasReadNothingAndAttendedNothing_WhenDemoDataIsEnabled()
    {
        var (openId, reads, attendance, enrollments) = await _demo.App.WithDbAsync(async db =>
        {
            var zhao = await db.Members.AsNoTracking().SingleAsync(m => m.Number == "T1006");
            return (
                zhao.OpenId,
                await db.NoticeRecipients.CountAsync(r => r.MemberId == zhao.Id && (r.FirstReadAt != null || r.AckedAt != null)),
                await db.MeetingAttendees.CountAsync(a => a.MemberId == zhao.Id && (a.CheckedInAt != null || a.Status != null)),
                await db.Enrollments.CountAsync(e => e.MemberId == zhao.Id));
        });

        Assert.That((openId, reads, attendance, enrollments), Is.EqualTo(((string?)null, 0, 0, 0)), "赵新 is left unbound to try the binding flow");
    }

    [Test]
    public async Task CountsTheHeldThemedPartyDayActivity_WhenSecretaryOpensCompliance()
    {
        var past = (await (await _member.GetAsync("/api/activities?scope=past")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single();
        var day = DateOnly.FromDateTime(SmartBranch.Domain.Common.LocalCalendar.ToLocal(past.GetProperty("startsAt").GetDateTimeOffset()).DateTime);
        var detail = await (await _secretary.GetAsync($"/api/activities/{past.GetProperty("id").GetInt32()}")).ReadAsync<JsonElement>();
        var branchId = detail.GetProperty("unitId").GetInt32();
        Assert.That(detail.GetProperty("themedPartyDay").GetBoolean(), Is.True);

        var report = await (await _secretary.GetAsync($"/api/org/units/{branchId}/compliance?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")).ReadAsync<JsonElement>();

        var themed = report.GetProperty("branches")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "ThemedPartyDay");
        Assert.That(themed.GetProperty("held").GetInt32(), Is.EqualTo(1), "the demo's 主题党日 activity held four days ago");
    }
}
