using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>The reminder rows a meeting schedules, moves and cancels (delivery is the reminder pipeline's job).</summary>
public sealed class MeetingRemindersTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task SchedulesDayAndHourBefore_WhenMeetingIsScheduled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var start = Now.AddDays(3);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, start);

        var reminders = await MeetingApi.RemindersAsync(App, meeting.GetProperty("id").GetInt32());
        Assert.That(reminders, Has.Count.EqualTo(2 * 4));
        Assert.That(reminders.Where(r => r.Slot == "24h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { start.AddHours(-24) }));
        Assert.That(reminders.Where(r => r.Slot == "1h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { start.AddHours(-1) }));
        Assert.That(reminders.Select(r => r.MemberId).Distinct(), Is.EquivalentTo(org.A.Everyone.Select(m => m.Id).Append(org.Admin.Id)));
        Assert.That(reminders.All(r => r.Kind == ReminderKind.Meeting && r.Status == ReminderStatus.Scheduled && r.Subject == "学习会议"), Is.True);
    }

    [Test]
    public async Task CollapsesThePassedDayBeforeSlotIntoOneDueNow_WhenMeetingStartsWithinADay()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var start = Now.AddHours(5);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, start);

        var reminders = await MeetingApi.RemindersAsync(App, meeting.GetProperty("id").GetInt32());
        Assert.That(reminders.Where(r => r.Slot == "24h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { Now }));
        Assert.That(reminders.Where(r => r.Slot == "1h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { start.AddHours(-1) }));
    }

    [Test]
    public async Task SchedulesExactlyOneReminderDueNow_WhenMeetingStartsInThirtyMinutes()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddMinutes(30));

        var reminders = await MeetingApi.RemindersAsync(App, meeting.GetProperty("id").GetInt32());
        var attendees = org.A.Everyone.Select(m => m.Id).Append(org.Admin.Id).ToList();
        Assert.That(reminders.Select(r => r.MemberId), Is.EquivalentTo(attendees), "one reminder per attendee");
        Assert.That(reminders.All(r => r.Slot == "1h" && r.DueAt == Now && r.Status == ReminderStatus.Scheduled), Is.True);
    }

    [Test]
    public async Task CollapsesBothSlotsIntoOneDueNow_WhenMeetingIsMovedToThirtyMinutesAhead()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();
        var newStart = Now.AddMinutes(30);

        var moved = await secretary.PutAsJsonAsync($"/api/meetings/{id}", new { topic = "学习会议", startsAt = newStart, endsAt = newStart.AddHours(2), place = "党员活动室" });

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var reminders = await MeetingApi.RemindersAsync(App, id);
        Assert.That(reminders.Where(r => r.Slot == "24h").Select(r => r.Status).Distinct(), Is.EqualTo(new[] { ReminderStatus.Cancelled }));
        Assert.That(reminders.Where(r => r.Slot == "1h").Select(r => (r.Status, r.DueAt)).Distinct(), Is.EqualTo(new[] { (ReminderStatus.Scheduled, Now) }));
    }

    [Test]
    public async Task MovesRemindersAndTellsAttendees_WhenMeetingIsMoved()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3));
        var id = meeting.GetProperty("id").GetInt32();
        var newStart = Now.AddDays(6);

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", new { topic = "学习会议", startsAt = newStart, endsAt = newStart.AddHours(2), place = "三楼会议室" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var reminders = await MeetingApi.RemindersAsync(App, id);
        Assert.That(reminders.Where(r => r.Slot == "24h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { newStart.AddHours(-24) }));
        Assert.That(reminders.Where(r => r.Slot == "1h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { newStart.AddHours(-1) }));
        Assert.That(reminders.Where(r => r.Slot is "24h" or "1h").All(r => r.Status == ReminderStatus.Scheduled && r.Place == "三楼会议室"), Is.True);
        var moved = reminders.Where(r => r.Slot.StartsWith("moved-", StringComparison.Ordinal)).ToList();
        Assert.That(moved.Select(r => r.MemberId), Is.EquivalentTo(reminders.Select(r => r.MemberId).Distinct()));
        Assert.That(moved.All(r => r.DueAt == Now && r.Time == newStart), Is.True);
        Assert.That(reminders, Has.Count.EqualTo(3 * 4), "no reminder remains at the old times");
    }

    [Test]
    public async Task MovesThePassedDayBeforeSlotToNow_WhenMeetingIsMovedToWithinADay()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();
        var newStart = Now.AddHours(6);

        await secretary.PutAsJsonAsync($"/api/meetings/{id}", new { topic = "学习会议", startsAt = newStart, endsAt = newStart.AddHours(2), place = "党员活动室" });

        var reminders = await MeetingApi.RemindersAsync(App, id);
        Assert.That(reminders.Where(r => r.Slot == "24h").Select(r => (r.Status, r.DueAt)).Distinct(), Is.EqualTo(new[] { (ReminderStatus.Scheduled, Now) }));
        Assert.That(reminders.Where(r => r.Slot == "1h").Select(r => (r.Status, r.DueAt)).Distinct(), Is.EqualTo(new[] { (ReminderStatus.Scheduled, newStart.AddHours(-1)) }));
    }

    [Test]
    public async Task CancelsEveryReminderAndSendsCancellation_WhenMeetingIsCancelled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3));
        var id = meeting.GetProperty("id").GetInt32();

        var response = await secretary.PostAsJsonAsync($"/api/meetings/{id}/cancel", new { reason = "与期末考试冲突" });

        var body = await response.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Cancelled"));
        var reminders = await MeetingApi.RemindersAsync(App, id);
        Assert.That(reminders.Where(r => r.Slot is "24h" or "1h").Select(r => r.Status).Distinct(), Is.EqualTo(new[] { ReminderStatus.Cancelled }));
        var cancelled = reminders.Where(r => r.Slot == "cancelled").ToList();
        Assert.That(cancelled, Has.Count.EqualTo(4));
        Assert.That(cancelled.All(r => r.Status == ReminderStatus.Scheduled && r.DueAt == Now && r.Body.Contains("与期末考试冲突", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task Returns409AndAddsNothing_WhenMeetingIsCancelledTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();
        await secretary.PostAsJsonAsync($"/api/meetings/{id}/cancel", new { });

        var again = await secretary.PostAsJsonAsync($"/api/meetings/{id}/cancel", new { });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That((await MeetingApi.RemindersAsync(App, id)).Count(r => r.Slot == "cancelled"), Is.EqualTo(3));
    }

    [Test]
    public async Task Returns403_WhenPlainMemberCancels()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();

        var response = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{id}/cancel", new { });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
