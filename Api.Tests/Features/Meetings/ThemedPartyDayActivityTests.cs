using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;

namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>A branch's 主题党日 run as an activity with sign-up counts toward the monthly requirement once held.</summary>
public sealed class ThemedPartyDayActivityTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task CountsTheMarkedActivityOnly_WhenItWasHeldThisMonth()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var marked = await CreateAsync(secretary, org.A.Id, themedPartyDay: true, Now.AddDays(2));
        await CreateAsync(secretary, org.A.Id, themedPartyDay: false, Now.AddDays(3));
        var cancelled = await CreateAsync(secretary, org.A.Id, themedPartyDay: true, Now.AddDays(35));
        Assert.That((await secretary.PostAsJsonAsync($"/api/activities/{cancelled}/cancel", new { reason = "改期" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        App.Time!.SetUtcNow(new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero));

        var detail = await (await secretary.GetAsync($"/api/activities/{marked}")).ReadAsync<JsonElement>();
        var report = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/compliance?from=2026-03-01&to=2026-04-30")).ReadAsync<JsonElement>();

        Assert.That(detail.GetProperty("themedPartyDay").GetBoolean(), Is.True);
        var themed = report.GetProperty("branches")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "ThemedPartyDay");
        Assert.That(themed.GetProperty("held").GetInt32(), Is.EqualTo(1), "the marked activity in March; not the unmarked one, not the cancelled one");
        Assert.That(themed.GetProperty("missing").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "2026-04" }));
    }

    [Test]
    public async Task DoesNotCountTheActivity_WhenItHasNotStartedYet()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var start = Now.AddDays(20);
        await CreateAsync(secretary, org.A.Id, themedPartyDay: true, start);

        var report = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/compliance?from={DateOnly.FromDateTime(start.UtcDateTime):yyyy-MM-dd}&to={DateOnly.FromDateTime(start.UtcDateTime):yyyy-MM-dd}")).ReadAsync<JsonElement>();

        var themed = report.GetProperty("branches")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "ThemedPartyDay");
        Assert.That(themed.GetProperty("held").GetInt32(), Is.EqualTo(0));
    }

    private async Task<int> CreateAsync(HttpClient organiser, int unitId, bool themedPartyDay, DateTimeOffset startsAt)
    {
        var body = JsonSerializer.SerializeToNode(ActivityApi.Body(unitId, Now, startsAt: startsAt), ApiClients.Json)!.AsObject();
        body["themedPartyDay"] = themedPartyDay;
        var response = await organiser.PostAsJsonAsync("/api/activities", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
