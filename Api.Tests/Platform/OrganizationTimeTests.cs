using System.Text.Json;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// One rule for every date-time the API reads (no offset → China time) and writes (with +08:00), on a
/// server whose own zone is UTC and on one far from China: the host's zone must never matter.
/// </summary>
[TestFixture("UTC")]
[TestFixture("America/Los_Angeles")]
public sealed class OrganizationTimeTests(string serverZone) : FunctionalTest
{
    private static readonly DateTimeOffset FarAhead = new(2026, 12, 10, 1, 0, 0, TimeSpan.Zero);
    private string? _previousZone;

    protected override AppFactory CreateApp()
    {
        // The host's zone as a server in another region would have it; TimeZoneInfo.Local reads TZ again after ClearCachedData.
        _previousZone = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", serverZone);
        TimeZoneInfo.ClearCachedData();
        return new(fakeTime: true);
    }

    [OneTimeTearDown]
    public void RestoreServerZone()
    {
        Environment.SetEnvironmentVariable("TZ", _previousZone);
        TimeZoneInfo.ClearCachedData();
    }

    [Test]
    public async Task StoresNineInTheMorningChinaTimeAsOneUtc_WhenStartsAtHasNoOffset()
    {
        Assert.That(TimeZoneInfo.Local.BaseUtcOffset, Is.EqualTo(TimeZoneInfo.FindSystemTimeZoneById(serverZone).BaseUtcOffset), "the server runs in the zone under test");
        var (id, shown, stored) = await ScheduleAsync("2026-12-10T09:00:00", "2026-12-10T11:00:00");

        Assert.That(stored, Is.EqualTo(FarAhead));
        Assert.That(stored.UtcDateTime.Hour, Is.EqualTo(1));
        Assert.That(shown, Is.EqualTo("2026-12-10T09:00:00+08:00"), "responses show China time");
        var reminders = await MeetingApi.RemindersAsync(App, id);
        Assert.That(reminders.Where(r => r.Slot == "24h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { FarAhead.AddHours(-24) }));
        Assert.That(reminders.Where(r => r.Slot == "1h").Select(r => r.DueAt).Distinct(), Is.EqualTo(new[] { new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero) }));
    }

    [Test]
    public async Task KeepsTheInstant_WhenStartsAtCarriesAnOffset()
    {
        var (_, shown, stored) = await ScheduleAsync("2026-12-10T01:00:00Z", "2026-12-10T03:00:00Z");

        Assert.That((stored, shown), Is.EqualTo((FarAhead, "2026-12-10T09:00:00+08:00")));
    }

    [Test]
    public async Task CountsAMeetingHalfAnHourAfterMidnightInItsChinaMonth_WhenTheUtcMonthIsTheOneBefore()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var scheduled = await secretary.PostAsync("/api/meetings", JsonBody($$"""
            {"type":"ThemedPartyDay","unitId":{{org.A.Id}},"topic":"四月主题党日","startsAt":"2026-04-01T00:30:00","endsAt":"2026-04-01T02:00:00","place":"党员活动室"}
            """));
        Assert.That(scheduled.StatusCode, Is.EqualTo(HttpStatusCode.Created), await scheduled.Content.ReadAsStringAsync());
        var id = (await scheduled.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        App.Time!.SetUtcNow(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero));

        var stored = await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));
        var report = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/compliance?from=2026-03-01&to=2026-04-30")).ReadAsync<JsonElement>();

        Assert.That(stored.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero)));
        var themed = report.GetProperty("branches")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "ThemedPartyDay");
        Assert.That(themed.GetProperty("missing").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "2026-03" }), "held in April, China time");
    }

    [Test]
    public async Task ReadsADateWithoutTimeAsChinaMidnight_WhenStartsAtIsADate()
    {
        var (_, _, stored) = await ScheduleAsync("2026-12-10", "2026-12-10T02:00:00");

        Assert.That(stored, Is.EqualTo(new DateTimeOffset(2026, 12, 9, 16, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("0001-01-01T00:00:00")]
    [TestCase("0001-01-01T07:59:59")]
    public async Task Returns400_WhenATimeWithoutOffsetFallsBeforeTheCalendarInChinaTime(string startsAt)
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);

        var response = await secretary.PostAsync("/api/meetings", JsonBody($$"""
            {"type":"PartyLesson","unitId":{{org.A.Id}},"topic":"学习会议","startsAt":"{{startsAt}}","endsAt":"2026-12-10T02:00:00","place":"党员活动室"}
            """));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.BranchId == org.A.Id)), Is.Zero);
    }

    /// <summary>Schedules a party lesson with the times written exactly as given; returns its id, the start the API shows and the start stored.</summary>
    private async Task<(int Id, string? Shown, DateTimeOffset Stored)> ScheduleAsync(string startsAt, string endsAt)
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var response = await secretary.PostAsync("/api/meetings", JsonBody($$"""
            {"type":"PartyLesson","unitId":{{org.A.Id}},"topic":"学习会议","startsAt":"{{startsAt}}","endsAt":"{{endsAt}}","place":"党员活动室"}
            """));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var created = JsonDocument.Parse(body).RootElement;
        var id = created.GetProperty("id").GetInt32();
        var stored = await App.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.StartsAt).SingleAsync());
        return (id, created.GetProperty("startsAt").GetString(), stored);
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
