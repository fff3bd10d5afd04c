using System.Text.Json;
using SmartBranch.Api.Tests.Features.Interaction;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Study;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>The big screen's twelve months of aggregates (/screen/{token}/trends), on a controlled clock (2026-03-02 09:00 China time).</summary>
public sealed class ScreenTrendsTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task CountsMeetingsRequiredAndHeld_AndAttendance_PerMonth()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "ThemedPartyDay", org.A.Id, Now.AddHours(1), "内部主题党日", new { visibility = "Internal" })).GetProperty("id").GetInt32();
        App.Time!.Advance(TimeSpan.FromMinutes(70));
        await MeetingApi.CheckInByHandAsync(secretary, meeting, [org.A.Members[0], org.A.Members[1]]);
        App.Time.Advance(TimeSpan.FromHours(3));
        var token = (await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { }, HttpStatusCode.Created)).GetProperty("token").GetString();

        var trends = await App.CreateClient().JsonAsync($"/screen/{token}/trends");

        var months = trends.GetProperty("months").EnumerateArray().ToList();
        var march = months[^1];
        var december = months.Single(m => m.GetProperty("label").GetString() == "2025-12");
        var expected = await App.WithDbAsync(db => db.MeetingAttendees.CountAsync(a => a.MeetingId == meeting));
        Assert.Multiple(() =>
        {
            Assert.That(months.Select(m => m.GetProperty("label").GetString()), Is.EqualTo(new[]
            {
                "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
            }));
            Assert.That(trends.GetProperty("from").GetString(), Is.EqualTo("2025-04-01"));

            // Monthly: committee meeting, the one party group's meeting, themed party day; in a quarter's last month also
            // the branch general meeting and the party lesson; in December also the two yearly ones.
            Assert.That(march.GetProperty("meetingsRequired").GetInt32(), Is.EqualTo(5));
            Assert.That(months.Single(m => m.GetProperty("label").GetString() == "2026-02").GetProperty("meetingsRequired").GetInt32(), Is.EqualTo(3));
            Assert.That(december.GetProperty("meetingsRequired").GetInt32(), Is.EqualTo(7));
            Assert.That(march.GetProperty("meetingsHeld").GetInt32(), Is.EqualTo(1), "an Internal meeting counts: only the number shows");
            Assert.That(december.GetProperty("meetingsHeld").GetInt32(), Is.Zero);

            Assert.That(march.GetProperty("attendanceExpected").GetInt32(), Is.EqualTo(expected), "the meeting's roll");
            Assert.That(march.GetProperty("attended").GetInt32(), Is.EqualTo(2));
            Assert.That(march.GetProperty("attendanceRate").GetDouble(), Is.EqualTo(Math.Round(2.0 / expected, 4)));
            Assert.That(december.GetProperty("attendanceRate").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(trends.GetRawText(), Does.Not.Contain("内部主题党日"), "aggregates only");
        });
    }

    [Test]
    public async Task CountsReachOfTheMonth()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 2);
        var story = await secretary.PostStoryAsync(BrandTestApi.Story(title: "三月的事迹"));
        var reader = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await reader.GetAsync($"/api/stories/{story.GetProperty("id").GetInt32()}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = (await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { }, HttpStatusCode.Created)).GetProperty("token").GetString();

        var march = (await App.CreateClient().JsonAsync($"/screen/{token}/trends")).GetProperty("months").EnumerateArray().Last();
        var audience = await App.WithDbAsync(db => db.Members.CountAsync(m => m.BranchId == org.A.Id));

        Assert.Multiple(() =>
        {
            Assert.That(march.GetProperty("attention").GetInt32(), Is.EqualTo(1));
            Assert.That(march.GetProperty("coverage").GetDouble(), Is.EqualTo(Math.Round(1.0 / audience, 4)));
            Assert.That(march.GetProperty("heat").GetDouble(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task SumsTheBranchMembersStudyHours_PerMonth()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var (material, _) = await secretary.PublishAsync(StudyTestApi.Material(org.A.Id, "Text", minutes: 9, title: "内部学习资料·不得上屏"));
        var otherSecretary = await App.SignInAsync(org.B.Secretary);
        var (otherMaterial, _) = await otherSecretary.PublishAsync(StudyTestApi.Material(org.B.Id, "Text", minutes: 9));

        // March: two of the branch's members finish the 9-minute text (0.2 class hours each); a member of the other branch
        // finishes theirs (not on this screen); one member attends a two-hour 党课 (120 / 45 = 2.67 class hours).
        await CompleteTextAsync([(await App.SignInAsync(org.A.Members[0]), material), (await App.SignInAsync(org.A.Members[1]), material), (await App.SignInAsync(org.B.Members[0]), otherMaterial)]);
        var lesson = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddHours(1), "内部党课·不得上屏")).GetProperty("id").GetInt32();
        App.Time!.Advance(TimeSpan.FromMinutes(70));
        await MeetingApi.CheckInByHandAsync(secretary, lesson, [org.A.Members[0]]);
        App.Time.Advance(TimeSpan.FromHours(3));

        // April: the third member finishes the text.
        App.Time.Advance(TimeSpan.FromDays(31));
        await CompleteTextAsync([(await App.SignInAsync(org.A.Members[2]), material)]);
        var token = (await secretary.PostOkAsync($"/api/org/units/{org.A.Id}/screen-links", new { }, HttpStatusCode.Created)).GetProperty("token").GetString();

        var trends = await App.CreateClient().JsonAsync($"/screen/{token}/trends");

        var months = trends.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("label").GetString()!);
        decimal Figure(string month, string name) => months[month].GetProperty(name).GetDecimal();
        Assert.Multiple(() =>
        {
            Assert.That(Figure("2026-03", "studyMaterialHours"), Is.EqualTo(0.4m));
            Assert.That(Figure("2026-03", "studyMeetingHours"), Is.EqualTo(2.67m));
            Assert.That(Figure("2026-03", "studyHours"), Is.EqualTo(3.07m));
            Assert.That(Figure("2026-04", "studyMaterialHours"), Is.EqualTo(0.2m));
            Assert.That(Figure("2026-04", "studyMeetingHours"), Is.Zero);
            Assert.That(Figure("2026-04", "studyHours"), Is.EqualTo(0.2m));
            Assert.That(months.Keys.Where(k => k is not "2026-03" and not "2026-04").Select(k => Figure(k, "studyHours")), Is.All.Zero);
            Assert.That(trends.GetRawText(), Does.Not.Contain("不得上屏").And.Not.Contain(org.A.Members[0].Name), "aggregates only");
        });
    }

    /// <summary>Each member reads their text material to the end: a report a minute for nine minutes (a 9-minute text at most).</summary>
    private async Task CompleteTextAsync(IReadOnlyList<(HttpClient Member, int Material)> readers)
    {
        foreach (var (member, material) in readers)
        {
            await member.ReportAsync(material, "Start");
        }

        for (var minute = 0; minute < 9; minute++)
        {
            App.Time!.Advance(TimeSpan.FromMinutes(1));
            foreach (var (member, material) in readers)
            {
                await member.ReportAsync(material, "Progress");
            }
        }

        foreach (var (member, material) in readers)
        {
            var done = await member.ReportAsync(material, "End");
            Assert.That(done.GetProperty("progress").GetProperty("completed").GetBoolean(), Is.True, done.GetRawText());
        }
    }
}
