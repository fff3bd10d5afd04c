using System.Text.Json;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Tests.Features.Meetings;

public sealed class AttendanceTrendTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task CountsPresentAgainstExpected_PerMonth_ForTheBranchAndTheGeneralBranch()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var held = await MeetingApi.ScheduleAsync(secretary, "BranchGeneralMeeting", org.A.Id, Now.AddHours(1));
        await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3));
        var cancelled = await MeetingApi.ScheduleAsync(secretary, "CommitteeMeeting", org.A.Id, Now.AddHours(2));
        await secretary.PostAsJsonAsync($"/api/meetings/{cancelled.GetProperty("id").GetInt32()}/cancel", new { });
        App.Time!.Advance(TimeSpan.FromHours(1.5));
        await MeetingApi.CheckInByHandAsync(secretary, held.GetProperty("id").GetInt32(), [org.A.Secretary, org.A.Members[0]]);
        App.Time.Advance(TimeSpan.FromHours(2));
        var month = LocalCalendar.Today(Now).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var branch = await (await secretary.GetAsync($"/api/org/units/{org.A.Id}/attendance-trend?months=3")).ReadAsync<JsonElement>();
        var general = await (await (await App.SignInAsync(org.Admin)).GetAsync($"/api/org/units/{org.GeneralBranchId}/attendance-trend")).ReadAsync<JsonElement>();

        var months = branch.GetProperty("months").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(months, Has.Count.EqualTo(3));
            Assert.That(months[^1].GetProperty("name").GetString(), Is.EqualTo(month));
            Assert.That(months[^1].GetProperty("meetings").GetInt32(), Is.EqualTo(1), "the lesson has not happened, the committee meeting was cancelled");
            Assert.That(months[^1].GetProperty("expected").GetInt32(), Is.EqualTo(4), "secretary, two members and the admin, who sits in branch A");
            Assert.That(months[^1].GetProperty("present").GetInt32(), Is.EqualTo(2));
            Assert.That(months[^1].GetProperty("rate").GetDouble(), Is.EqualTo(0.5));
            Assert.That(months[0].GetProperty("meetings").GetInt32(), Is.Zero);
            Assert.That(general.GetProperty("months").GetArrayLength(), Is.EqualTo(12));
            Assert.That(general.GetProperty("months")[11].GetProperty("present").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Returns404_WhenAPlainMemberOrAnotherBranchAsks_And400_ForABadRange()
    {
        var (org, member) = await App.SeedSignedInAsync(branches: 2, members: 1, who: o => o.A.Members[0]);
        var otherSecretary = await App.SignInAsync(org.B.Secretary);
        var secretary = await App.SignInAsync(org.A.Secretary);

        Assert.Multiple(async () =>
        {
            Assert.That((await member.GetAsync($"/api/org/units/{org.A.Id}/attendance-trend")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await otherSecretary.GetAsync($"/api/org/units/{org.A.Id}/attendance-trend")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await secretary.GetAsync($"/api/org/units/{org.GeneralBranchId}/attendance-trend")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await secretary.GetAsync($"/api/org/units/{org.A.PartyGroupId}/attendance-trend")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await App.CreateClient().GetAsync($"/api/org/units/{org.A.Id}/attendance-trend")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await secretary.GetAsync($"/api/org/units/{org.A.Id}/attendance-trend?months=0")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await secretary.GetAsync($"/api/org/units/{org.A.Id}/attendance-trend?months=37")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }
}
