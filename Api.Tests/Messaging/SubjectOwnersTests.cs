using System.Text.Json;
using SmartBranch.Api.Tests.Features.Activities;
using SmartBranch.Api.Tests.Features.Meetings;
using SmartBranch.Api.Tests.Features.Notices;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>
/// Every subject owner the areas register (<c>AddSubjectOwner</c>) answers with the unit that owns the subject:
/// GET /api/reminders shows a subject's reminders to that unit's committee, and 404 to another branch's committee
/// and for an id that names no subject.
/// </summary>
public sealed class SubjectOwnersTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(fakeTime: true);

    [Test]
    public async Task ShowsRemindersToTheOwningBranchOnly_WhenAskedForAnyAreasSubject()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 2);
        var otherSecretary = await App.SignInAsync(org.B.Secretary);
        var activity = await ActivityApi.CreateAsync(secretary, org.A.Id, Now);
        var meeting = (await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, Now.AddDays(3))).GetProperty("id").GetInt32();
        var asked = await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/meetings/{meeting}/leave-requests", new { reason = "出差" });
        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await asked.Content.ReadAsStringAsync());
        var leave = (await asked.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();
        var notice = await secretary.PostNoticeAsync(NoticeTestApi.Request(unitIds: [org.A.Id]));

        (string Type, int Id)[] subjects =
            [("activity", activity), ("meeting", meeting), ("leave", leave), ("notice", notice), ("dues", org.A.Members[0].Id)];
        foreach (var (type, id) in subjects)
        {
            var own = await secretary.GetAsync($"/api/reminders?subjectType={type}&subjectId={id}");
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{type}: {await own.Content.ReadAsStringAsync()}");
            Assert.That((await own.ReadAsync<JsonElement>()).GetProperty("items").ValueKind, Is.EqualTo(JsonValueKind.Array), type);
            await (await otherSecretary.GetAsync($"/api/reminders?subjectType={type}&subjectId={id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await secretary.GetAsync($"/api/reminders?subjectType={type}&subjectId=999999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }
}
