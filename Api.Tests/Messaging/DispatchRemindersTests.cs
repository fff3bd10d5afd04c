using System.Text.Json;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>The pipeline end to end with the emulator: quota, inbox and WeChat's answers.</summary>
public sealed class DispatchRemindersTests : FunctionalTest
{
    private const string SendApi = WeChatSubscribeMessages.SendPath;

    protected override AppFactory CreateApp() => new(
        new Dictionary<string, string?> { ["Reminders:MaxAttempts"] = "2", ["Reminders:RetryDelay"] = "00:01:00", ["Reminders:SendConcurrency"] = "1" },
        fakeTime: true);

    [Test]
    public async Task SendsOneMessageAndInboxItem_ThenInboxOnlyWithNoQuota_WhenOneAcceptIsBanked()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        await App.BankAsync(member);
        var subjectId = ReminderKit.NewSubjectId();
        await App.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", [member.Id], Now.AddMinutes(-1));

        await App.DrainAsync();

        var client = await App.SignInAsync(member);
        var messages = App.MessagesTo(member);
        Assert.That(messages, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(messages[0].TemplateId, Is.EqualTo(ReminderKit.MeetingTemplate));
            Assert.That(messages[0].Page, Is.EqualTo("pages/meetings/detail?id=1"));
            Assert.That(messages[0].Data["thing1"], Is.EqualTo("支部党员大会"));
            Assert.That(messages[0].Data["time2"], Is.EqualTo("2026年3月3日 14:30"));
            Assert.That(messages[0].Data["thing3"], Is.EqualTo("行政楼301"));
            Assert.That(messages[0].MiniProgramState, Is.EqualTo("formal"));
        });
        var inbox = await (await client.GetAsync("/api/inbox")).ReadAsync<JsonElement>();
        Assert.That(inbox.GetProperty("items").GetArrayLength(), Is.EqualTo(1));

        await App.ScheduleAsync(SubjectTypes.Meeting, subjectId, "1h", [member.Id], Now);
        await App.DrainAsync();

        Assert.That(App.MessagesTo(member), Has.Count.EqualTo(1), "no second WeChat message without a banked accept");
        inbox = await (await client.GetAsync("/api/inbox")).ReadAsync<JsonElement>();
        Assert.That(inbox.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        var reminders = await App.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(reminders.Select(r => r.Status), Is.EqualTo(new[] { ReminderStatus.Sent, ReminderStatus.NoQuota }));
        Assert.That(reminders[0].WeChatMsgId, Is.EqualTo(messages[0].MsgId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var subscriptions = await (await client.GetAsync("/api/subscriptions")).ReadAsync<JsonElement>();
        var meeting = subscriptions.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Meeting");
        Assert.That(meeting.GetProperty("banked").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task MarksNoQuotaAndZeroesQuotaWithoutRetry_WhenWeChatSays43101()
    {
        var (member, subjectId) = await OneReminderAsync(banked: 2);
        App.Emulator.SetSubscriptions(member.OpenId(), ReminderKit.MeetingTemplate, 0);
        var sendsBefore = App.Emulator.CallCount(SendApi);

        await App.DrainAsync();
        App.Time!.Advance(TimeSpan.FromHours(1));
        await App.DrainAsync();

        var reminder = await TheReminderAsync(subjectId);
        Assert.That(reminder.Status, Is.EqualTo(ReminderStatus.NoQuota));
        Assert.That(reminder.LastError, Does.StartWith("43101"));
        Assert.That(App.Emulator.CallCount(SendApi) - sendsBefore, Is.EqualTo(1), "43101 is never retried");
        var quota = await App.WithDbAsync(db => db.SubscriptionQuotas.SingleAsync(q => q.MemberId == member.Id));
        Assert.That(quota.Remaining, Is.Zero);
        Assert.That(await App.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MemberId == member.Id)), Is.EqualTo(1));
    }

    [Test]
    public async Task RetriesWithBackoffThenSendsOnce_WhenWeChatIsBusy()
    {
        var (member, subjectId) = await OneReminderAsync();

        // The client retries -1 twice itself; three busy answers make the attempt fail.
        App.Emulator.FailNext(SendApi, WeChatErrorCodes.Busy, times: 3);
        await App.DrainAsync();

        var waiting = await TheReminderAsync(subjectId);
        Assert.That(waiting.Status, Is.EqualTo(ReminderStatus.Scheduled));
        Assert.That(waiting.Attempts, Is.EqualTo(1));
        Assert.That(waiting.DueAt, Is.EqualTo(Now.AddMinutes(1)));
        Assert.That(App.MessagesTo(member), Is.Empty);

        App.Time!.Advance(TimeSpan.FromMinutes(1));
        await App.DrainAsync();

        var sent = await TheReminderAsync(subjectId);
        Assert.That(sent.Status, Is.EqualTo(ReminderStatus.Sent));
        Assert.That(sent.Attempts, Is.EqualTo(2));
        Assert.That(App.MessagesTo(member), Has.Count.EqualTo(1));
        Assert.That(await App.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MemberId == member.Id)), Is.EqualTo(1), "the inbox copy is written once, on the first attempt");
    }

    [Test]
    public async Task FailsAfterMaxAttempts_WhenWeChatStaysBusy()
    {
        var (member, subjectId) = await OneReminderAsync();

        App.Emulator.FailNext(SendApi, WeChatErrorCodes.Busy, times: 6);
        await App.DrainAsync();
        App.Time!.Advance(TimeSpan.FromMinutes(1));
        await App.DrainAsync();

        var reminder = await TheReminderAsync(subjectId);
        Assert.That(reminder.Status, Is.EqualTo(ReminderStatus.Failed));
        Assert.That(reminder.Attempts, Is.EqualTo(2));
        Assert.That(reminder.LastError, Does.StartWith("-1"));
        var quota = await App.WithDbAsync(db => db.SubscriptionQuotas.SingleAsync(q => q.MemberId == member.Id));
        Assert.That(quota.Remaining, Is.EqualTo(1), "quota is only used by a successful send");
    }

    [Test]
    public async Task FailsAndLogsTheField_WhenWeChatRefusesTheTemplateData()
    {
        var (member, subjectId) = await OneReminderAsync();

        App.Emulator.FailNext(SendApi, WeChatErrorCodes.InvalidTemplateId);
        await App.DrainAsync();

        var reminder = await TheReminderAsync(subjectId);
        Assert.That(reminder.Status, Is.EqualTo(ReminderStatus.Failed));
        Assert.That(reminder.LastError, Does.StartWith("40037"));
        Assert.That(App.Logs.Lines, Has.Some.Contains($"reminder {reminder.Id} ").And.Contains("40037").And.StartsWith("Error"));
        Assert.That(await App.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MemberId == member.Id)), Is.EqualTo(1));
    }

    [Test]
    public async Task PausesUntilTheNextChinaDay_WhenWeChatSaysDailyQuotaReached()
    {
        var org = await App.SeedAsync(branches: 1, members: 2);
        var (first, second) = (org.A.Members[0], org.A.Members[1]);
        await App.BankAsync(first);
        await App.BankAsync(second);
        var subjectId = ReminderKit.NewSubjectId();
        await App.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", [first.Id, second.Id], Now);

        App.Emulator.FailNext(SendApi, WeChatErrorCodes.DailyQuotaReached);
        await App.DrainAsync();

        var tomorrow = LocalCalendar.StartOf(LocalCalendar.Today(Now).AddDays(1));
        var paused = await App.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(paused.Select(r => (r.Status, r.DueAt)), Is.All.EqualTo((ReminderStatus.Scheduled, tomorrow)));
        Assert.That(App.MessagesTo(first).Concat(App.MessagesTo(second)), Is.Empty, "nothing is sent once WeChat said 45009");
        Assert.That(paused.All(r => r.InInbox), Is.True, "the inbox does not wait for WeChat");
        Assert.That(App.Logs.Lines, Has.Some.Contains("45009").And.StartsWith("Error"));

        App.Time!.Advance(tomorrow - Now);
        await App.DrainAsync();

        var sent = await App.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(sent.Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Sent));
        Assert.That(App.MessagesTo(first).Count + App.MessagesTo(second).Count, Is.EqualTo(2));
        Assert.That(await App.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MemberId == first.Id || m.MemberId == second.Id)), Is.EqualTo(2));
    }

    [Test]
    public async Task FailsWithoutCallingWeChat_WhenAKeywordCannotBeFilled()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        await App.BankAsync(member, "EMU_LEAVE_DECISION");
        var subjectId = ReminderKit.NewSubjectId();
        var sendsBefore = App.Emulator.CallCount(SendApi);

        // The leave template's phrase2 takes pure Chinese only; "OK!" leaves nothing to send.
        var content = new ReminderContent("请假审批", "您的请假申请已处理。", null, "支部党员大会请假", Now, null, "OK!");
        await App.ScheduleAsync(SubjectTypes.LeaveRequest, subjectId, "decision", [member.Id], Now, content, ReminderKind.LeaveDecision);
        await App.DrainAsync();

        var reminder = (await App.RemindersAsync(SubjectTypes.LeaveRequest, subjectId)).Single();
        Assert.That(reminder.Status, Is.EqualTo(ReminderStatus.Failed));
        Assert.That(reminder.LastError, Does.Contain("data.phrase2.value is empty"));
        Assert.That(App.Emulator.CallCount(SendApi), Is.EqualTo(sendsBefore));
        Assert.That(App.Logs.Lines, Has.Some.Contains("field phrase2").And.StartsWith("Error"));
    }

    [Test]
    public async Task ShortensThingValues_WhenTheSubjectIsLong()
    {
        var (member, subjectId) = await OneReminderAsync(content: ReminderKit.Meeting("学习贯彻党的二十届三中全会精神专题组织生活会暨民主评议党员大会", place: null));

        await App.DrainAsync();

        var message = App.MessagesTo(member).Single();
        Assert.That(message.Data["thing1"], Is.EqualTo("学习贯彻党的二十届三中全会精神专题组织…"));
        Assert.That(message.Data["thing3"], Is.EqualTo("无"));
    }

    [Test]
    public async Task SendsNothing_WhenTheReminderWasCancelledOrMovedLater()
    {
        var org = await App.SeedAsync(branches: 1, members: 2);
        var (first, second) = (org.A.Members[0], org.A.Members[1]);
        await App.BankAsync(first);
        await App.BankAsync(second);
        var cancelled = ReminderKit.NewSubjectId();
        var moved = ReminderKit.NewSubjectId();
        await App.ScheduleAsync(SubjectTypes.Meeting, cancelled, "24h", [first.Id], Now);
        await App.ScheduleAsync(SubjectTypes.Meeting, moved, "24h", [second.Id], Now);
        await App.Services.GetRequiredService<ReminderFeeder>().RunOnceAsync(CancellationToken.None);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<ReminderScheduler>();
            await scheduler.CancelAsync(SubjectTypes.Meeting, cancelled, null, CancellationToken.None);
            await scheduler.RescheduleAsync(SubjectTypes.Meeting, moved, "24h", Now.AddHours(2), null, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await App.DrainAsync();

        Assert.That(App.MessagesTo(first).Concat(App.MessagesTo(second)), Is.Empty);
        Assert.That((await App.RemindersAsync(SubjectTypes.Meeting, cancelled)).Single().Status, Is.EqualTo(ReminderStatus.Cancelled));
        Assert.That((await App.RemindersAsync(SubjectTypes.Meeting, moved)).Single().Status, Is.EqualTo(ReminderStatus.Scheduled));

        App.Time!.Advance(TimeSpan.FromHours(2));
        await App.DrainAsync();

        Assert.That(App.MessagesTo(second), Has.Count.EqualTo(1));
        Assert.That(App.MessagesTo(first), Is.Empty);
    }

    /// <summary>One member with <paramref name="banked"/> accepts banked, and a meeting reminder ("24h") for them due now.</summary>
    private async Task<(SeededMember Member, int SubjectId)> OneReminderAsync(int banked = 1, ReminderContent? content = null)
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        await App.BankAsync(member, times: banked);
        var subjectId = ReminderKit.NewSubjectId();
        await App.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", [member.Id], Now, content);
        return (member, subjectId);
    }

    /// <summary>The one meeting reminder of <paramref name="subjectId"/>.</summary>
    private async Task<Reminder> TheReminderAsync(int subjectId) => (await App.RemindersAsync(SubjectTypes.Meeting, subjectId)).Single();
}
