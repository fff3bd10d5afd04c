using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Meetings;

namespace SmartBranch.Api.Tests.Features.Calendar;

public sealed class CalendarFeedTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task ServesValidICalendarWithMembersMeetings_WhenSecretIsCurrent()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var start = Now.AddDays(2);
        var own = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, start, "学习党章");
        await MeetingApi.ScheduleAsync(await App.SignInAsync(org.B.Secretary), "PartyLesson", org.B.Id, start, "别的支部");
        var url = await ResetAsync(await App.SignInAsync(org.A.Members[0]));

        var response = await App.CreateClient().GetAsync(new Uri(url).PathAndQuery);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var feedEvent = calendar.Events.Single();
        Assert.That(feedEvent.Uid, Is.EqualTo($"meeting-{own.GetProperty("id").GetInt32()}@smartbranch"));
        Assert.That(feedEvent.Summary, Is.EqualTo("党课：学习党章"));
        Assert.That(feedEvent.Location, Is.EqualTo("党员活动室"));
        Assert.That(feedEvent.DtStart!.AsUtc, Is.EqualTo(start.UtcDateTime));
        Assert.That(feedEvent.DtEnd!.AsUtc, Is.EqualTo(start.AddHours(2).UtcDateTime));
    }

    [Test]
    public async Task IncludesActivitiesTheMemberSignedUpFor_AndNotOthers()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var joined = await ActivityApi.CreateAsync(secretary, org.A.Id, Now);
        await ActivityApi.CreateAsync(secretary, org.A.Id, Now);
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await ActivityApi.SignUpAsync(member, joined)).IsSuccessStatusCode, Is.True);

        var calendar = Ical.Net.Calendar.Load(await App.CreateClient().GetStringAsync(new Uri(await ResetAsync(member)).PathAndQuery))!;

        Assert.That(calendar.Events.Select(e => e.Uid), Is.EqualTo(new[] { $"activity-{joined}@smartbranch" }));
        Assert.That(calendar.Events.Single().Location, Is.EqualTo("图书馆报告厅"));
    }

    [Test]
    public async Task OldUrlReturns404_WhenSecretIsReset()
    {
        var (org, member) = await App.SeedSignedInAsync(branches: 1, members: 1, who: o => o.A.Members[0]);
        var oldUrl = await ResetAsync(member);

        var newUrl = await ResetAsync(member);

        Assert.That(newUrl, Is.Not.EqualTo(oldUrl));
        await (await App.CreateClient().GetAsync(new Uri(oldUrl).PathAndQuery)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await App.CreateClient().GetAsync(new Uri(newUrl).PathAndQuery)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = await App.WithDbAsync(db => db.CalendarFeeds.SingleAsync(f => f.MemberId == org.A.Members[0].Id));
        Assert.That(newUrl, Does.Not.Contain(stored.SecretHash), "only a hash of the secret is stored");
    }

    [Test]
    public async Task MarksCancelledMeetingCancelled_WhenFeedIsFetched()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(2))).GetProperty("id").GetInt32();
        await secretary.PostAsJsonAsync($"/api/meetings/{id}/cancel", new { });
        var url = await ResetAsync(secretary);

        var calendar = Ical.Net.Calendar.Load(await App.CreateClient().GetStringAsync(new Uri(url).PathAndQuery))!;

        Assert.That(calendar.Events.Single().Status, Is.EqualTo("CANCELLED"));
    }

    [Test]
    public async Task Returns404_WhenSecretIsUnknown()
    {
        await (await App.CreateClient().GetAsync("/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> ResetAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/me/calendar/reset", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("webcalUrl").GetString(), Does.StartWith("webcal://"));
        return body.GetProperty("url").GetString()!;
    }
}
