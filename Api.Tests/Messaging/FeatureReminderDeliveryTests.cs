using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>Reminders that features schedule travel the whole pipeline: WeChat when banked, the inbox always.</summary>
public sealed class FeatureReminderDeliveryTests() : FunctionalTest(fakeTime: true)
{
    private const string NoticeTemplate = "EMU_NOTICE_REMINDER";
    private const string ActivityTemplate = "EMU_ACTIVITY_REMINDER";

    [Test]
    public async Task ReachesBankedMemberByWeChatAndEveryoneByInbox_WhenCommitteeRemindsUnread()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id], title: "关于缴纳党费的通知"));
        await App.BankAsync(org.A.Members[0], NoticeTemplate);

        Assert.That((await secretary.PostAsync($"/api/notices/{id}/remind-unread", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.DrainAsync();

        var message = App.MessagesTo(org.A.Members[0]).Single();
        Assert.That(message.TemplateId, Is.EqualTo(NoticeTemplate));
        Assert.That(message.Data["thing1"], Is.EqualTo("关于缴纳党费的通知"));
        Assert.That(App.MessagesTo(org.A.Members[1]), Is.Empty, "nothing banked: inbox only");
        foreach (var member in org.A.Members)
        {
            var inbox = await (await (await App.SignInAsync(member)).GetAsync("/api/inbox")).ReadAsync<JsonElement>();
            Assert.That(inbox.ToString(), Does.Contain("关于缴纳党费的通知"), member.Name);
        }

        var figures = await (await secretary.GetAsync($"/api/reminders?subjectType=notice&subjectId={id}")).ReadAsync<JsonElement>();
        Assert.That(figures.GetProperty("reachedByWeChat").GetInt32(), Is.EqualTo(1));
        Assert.That(figures.GetProperty("inboxOnly").GetInt32(), Is.EqualTo(3), "the other member, the secretary and the admin");
        await (await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/reminders?subjectType=notice&subjectId={id}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task SendsAtTheNewTimesAndNoneAtTheOld_WhenMeetingIsMoved()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        var oldStart = Now.AddDays(3);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, oldStart);
        await App.BankAsync(member, ReminderKit.MeetingTemplate, times: 5);
        var newStart = Now.AddDays(5);
        var moved = await secretary.PutAsJsonAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}", new { topic = "学习会议", startsAt = newStart, endsAt = newStart.AddHours(2), place = "三楼会议室" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var movedAt = Now;

        foreach (var at in new[] { movedAt, oldStart.AddHours(-24), oldStart.AddHours(-1), newStart.AddHours(-24), newStart.AddHours(-1) })
        {
            App.Time!.Advance(at - Now);
            await App.DrainAsync();
        }

        var sentAt = App.MessagesTo(member).Select(m => m.At).ToList();
        Assert.That(sentAt, Is.EqualTo(new[] { movedAt, newStart.AddHours(-24), newStart.AddHours(-1) }));
    }

    [Test]
    public async Task SendsExactlyOneReminderAtOnce_WhenMeetingIsScheduledThirtyMinutesAhead()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        await App.BankAsync(member, ReminderKit.MeetingTemplate, times: 5);
        var scheduledAt = Now;
        await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(30));

        await App.DrainAsync();
        App.Time!.Advance(TimeSpan.FromMinutes(31));
        await App.DrainAsync();

        Assert.That(App.MessagesTo(member).Select(m => m.At), Is.EqualTo(new[] { scheduledAt }));
    }

    [Test]
    public async Task SendsWholeCharactersWithinWeChatsLimit_WhenTheTopicIsLongAndEmojiHeavy()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        await App.BankAsync(member, ReminderKit.MeetingTemplate);
        var topic = "学习会🎉" + string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 7)) + new string('学', 1);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(30), topic);

        await App.DrainAsync();

        var message = App.MessagesTo(member).Single();
        var thing = message.Data["thing1"];
        Assert.That(thing, Does.StartWith("学习会🎉").And.EndWith("…"));
        Assert.That(thing, Does.Not.Contain("\uFFFD"));
        Assert.That(SmartBranch.Domain.Messaging.Keywords.Check(SmartBranch.Domain.Messaging.KeywordType.Thing, thing), Is.Null);
        var reminder = (await ReminderKit.RemindersAsync(App, "meeting", meeting.GetProperty("id").GetInt32())).Single(r => r.MemberId == member.Id);
        Assert.That((reminder.Status, reminder.LastError), Is.EqualTo((SmartBranch.Domain.Messaging.ReminderStatus.Sent, (string?)null)), "WeChat took the value (no 47003)");
    }

    [Test]
    public async Task SendsTheCancellationAndNoReminders_WhenMeetingIsCancelled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var member = org.A.Members[0];
        var start = Now.AddDays(2);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, start, "学习新党章");
        await App.BankAsync(member, ReminderKit.MeetingTemplate, times: 5);

        var cancelled = await secretary.PostAsJsonAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}/cancel", new { reason = "与学院大会冲突" });
        Assert.That(cancelled.IsSuccessStatusCode, Is.True, await cancelled.Content.ReadAsStringAsync());
        foreach (var at in new[] { Now, start.AddHours(-24), start.AddHours(-1) })
        {
            App.Time!.Advance(at - Now);
            await App.DrainAsync();
        }

        var message = App.MessagesTo(member).Single();
        Assert.That(message.Data["thing1"], Is.EqualTo("学习新党章"));
        Assert.That(message.At, Is.EqualTo(start.AddDays(-2)));
    }

    [Test]
    public async Task TellsThePromotedMemberByWeChat_WhenAConfirmedPlaceFrees()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, Now, capacity: 1, waitingList: true);
        var first = await App.SignInAsync(org.A.Members[0]);
        await ActivityApi.SignUpAsync(first, activity);
        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[1]), activity);
        await App.BankAsync(org.A.Members[1], ActivityTemplate);

        Assert.That((await first.DeleteAsync($"/api/activities/{activity}/enrollment")).IsSuccessStatusCode, Is.True);
        await App.DrainAsync();

        var message = App.MessagesTo(org.A.Members[1]).Single();
        Assert.That(message.TemplateId, Is.EqualTo(ActivityTemplate));
        Assert.That(message.Page, Does.StartWith("pages/"));
    }
}
