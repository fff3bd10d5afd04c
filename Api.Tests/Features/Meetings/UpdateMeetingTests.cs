namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>Changing a meeting once it is on record: attendance or published minutes fix its time (Domain/README.md §Meetings).</summary>
public sealed class UpdateMeetingTests() : FunctionalTest(fakeTime: true)
{
    private const string TimeOnRecord = "会议已有签到或已发布纪要，不能再修改时间。";

    [Test]
    public async Task Returns409AndKeepsTimeAndAttendance_WhenAMeetingWithCheckInsIsMovedIntoAnotherMonth()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var startsAt = Now.AddMinutes(-30);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, startsAt, "党课")).GetProperty("id").GetInt32();
        await MeetingApi.CheckInByHandAsync(secretary, id, [org.A.Members[0]]);

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", Body("党课", Now.AddDays(40)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "meeting.time_on_record");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(TimeOnRecord));
        var stored = await App.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.StartsAt, m.Sequence }).SingleAsync());
        Assert.That(stored.StartsAt, Is.EqualTo(startsAt));
        Assert.That(stored.Sequence, Is.Zero, "nothing half-written");
        var checkedIn = await App.WithDbAsync(db => db.MeetingAttendees.CountAsync(a => a.MeetingId == id && a.CheckedInAt != null));
        Assert.That(checkedIn, Is.EqualTo(1));
    }

    [Test]
    public async Task Returns409_WhenOnlyTheEndOfAMeetingWithPublishedMinutesChanges()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var startsAt = Now.AddHours(-3);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, startsAt, "党课")).GetProperty("id").GetInt32();
        var minutes = await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "党课记录", publish = true });
        Assert.That(minutes.StatusCode, Is.EqualTo(HttpStatusCode.OK), await minutes.Content.ReadAsStringAsync());

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", Body("党课", startsAt, endsAt: startsAt.AddHours(3)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "meeting.time_on_record");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(TimeOnRecord));
        var endsAt = await App.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.EndsAt).SingleAsync());
        Assert.That(endsAt, Is.EqualTo(startsAt.AddHours(2)));
    }

    [Test]
    public async Task CorrectsTopicAndPlace_WhenAHeldMeetingKeepsItsTimes()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var startsAt = Now.AddMinutes(-30);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, startsAt, "党课")).GetProperty("id").GetInt32();
        await MeetingApi.CheckInByHandAsync(secretary, id, [org.A.Members[0]]);
        await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "党课记录", publish = true });

        // The same instants written in China time are the same times.
        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", Body("党课：学习党章", startsAt.ToOffset(TimeSpan.FromHours(8)), place: "第二会议室"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await App.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Topic, m.Place, m.StartsAt }).SingleAsync());
        Assert.That((stored.Topic, stored.Place, stored.StartsAt), Is.EqualTo(("党课：学习党章", "第二会议室", startsAt)));
    }

    [Test]
    public async Task MovesTheMeeting_WhenItHasOnlyDraftMinutesAndNoAttendance()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(2), "党课")).GetProperty("id").GetInt32();
        await secretary.PutAsJsonAsync($"/api/meetings/{id}/minutes", new { content = "预先写好的提纲", publish = false });

        var response = await secretary.PutAsJsonAsync($"/api/meetings/{id}", Body("党课", Now.AddDays(9)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var startsAt = await App.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.StartsAt).SingleAsync());
        Assert.That(startsAt, Is.EqualTo(Now.AddDays(9)));
    }

    private static object Body(string topic, DateTimeOffset startsAt, DateTimeOffset? endsAt = null, string place = "党员活动室") =>
        new { topic, startsAt, endsAt = endsAt ?? startsAt.AddHours(2), place };
}
