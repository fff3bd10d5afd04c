using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class CheckInTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task ChecksIn_WhenMemberTypesTheNumericCodeInsideTheWindow()
    {
        var (secretary, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(20));
        var code = await CodeAsync(secretary, id);

        var response = await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = code.GetProperty("numericCode").GetString() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var attendance = await ActivityApi.AttendanceAsync(secretary, id);
        var row = attendance.GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("memberId").GetInt32() == member.id);
        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("attendance").GetString(), Is.EqualTo("CheckedIn"));
            Assert.That(row.GetProperty("checkedInAt").GetDateTimeOffset(), Is.EqualTo(Now));
            Assert.That(row.GetProperty("checkedInByOrganizer").GetBoolean(), Is.False);
            Assert.That(attendance.GetProperty("checkedIn").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ChecksInOnce_WhenMemberScansTheSceneTwice()
    {
        var (secretary, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(5));
        var scene = (await CodeAsync(secretary, id)).GetProperty("scene").GetString();
        var first = await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = scene })).ReadAsync<JsonElement>();
        App.Time!.Advance(TimeSpan.FromSeconds(30));

        var second = await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = scene });

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await second.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("alreadyCheckedIn").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("checkedInAt").GetDateTimeOffset(), Is.EqualTo(first.GetProperty("checkedInAt").GetDateTimeOffset()));
    }

    [Test]
    public async Task Returns400_WhenTheCodeHasExpired()
    {
        var (secretary, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));
        var numeric = (await CodeAsync(secretary, id)).GetProperty("numericCode").GetString();
        App.Time!.Advance(TimeSpan.FromMinutes(3));

        var problem = await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = numeric })).AssertProblemAsync(HttpStatusCode.BadRequest, "checkin.invalid_code");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("已过期"));
        Assert.That(await CheckedInAsync(id), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenTheCodeIsForged()
    {
        var (_, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));

        foreach (var forged in new[] { "123456", $"a={id}&t=0123456789ab", "abcdefabcdef" })
        {
            await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = forged })).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.That(await CheckedInAsync(id), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenTheCodeBelongsToAnotherActivity()
    {
        var (secretary, member, id, org) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));
        var other = await ActivityApi.CreateAsync(secretary, org.A.Id, Now, startsAt: Now.AddMinutes(10), signUpOpensAt: Now.AddHours(-1));
        await ActivityApi.SignUpAsync(member.client, other);
        var code = await CodeAsync(secretary, other);

        foreach (var value in new[] { code.GetProperty("scene").GetString(), code.GetProperty("numericCode").GetString() })
        {
            await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = value })).AssertProblemAsync(HttpStatusCode.BadRequest, "checkin.invalid_code");
        }

        Assert.That(await CheckedInAsync(id), Is.Zero);
    }

    [Test]
    public async Task Returns429EvenForTheRightCode_AfterTooManyWrongCodes()
    {
        var (secretary, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));
        for (var i = 0; i < 10; i++)
        {
            await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = $"{i:D6}" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var numeric = (await CodeAsync(secretary, id)).GetProperty("numericCode").GetString();
        await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = numeric })).AssertProblemAsync(HttpStatusCode.TooManyRequests, "checkin.too_many_attempts");
        Assert.That(await CheckedInAsync(id), Is.Zero);
        Assert.That((await secretary.PostAsync($"/api/activities/{id}/attendees/{member.id}/check-in", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the organiser can still check them in");
    }

    [Test]
    public async Task Returns409_WhenTheCheckInWindowHasNotOpened()
    {
        var (secretary, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(45));
        var numeric = (await CodeAsync(secretary, id)).GetProperty("numericCode").GetString();

        var problem = await (await member.client.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = numeric })).AssertProblemAsync(HttpStatusCode.Conflict, "checkin.not_open");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("30分钟"));
    }

    [Test]
    public async Task Returns409_WhenMemberOnlyWaits()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, Now, capacity: 1, waitingList: true, startsAt: Now.AddMinutes(10), signUpOpensAt: Now.AddHours(-1));
        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id);
        var waiting = await App.SignInAsync(org.A.Members[1]);
        await ActivityApi.SignUpAsync(waiting, id);
        var numeric = (await CodeAsync(secretary, id)).GetProperty("numericCode").GetString();

        await (await waiting.PostAsJsonAsync($"/api/activities/{id}/check-in", new { code = numeric })).AssertProblemAsync(HttpStatusCode.Conflict, "checkin.waitlisted");
    }

    [Test]
    public async Task OrganiserChecksMemberInByHand_AndItIsAudited()
    {
        var (secretary, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));

        var response = await secretary.PostAsync($"/api/activities/{id}/attendees/{member.id}/check-in", null);
        var again = await secretary.PostAsync($"/api/activities/{id}/attendees/{member.id}/check-in", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await again.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("byOrganizer").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("alreadyCheckedIn").GetBoolean(), Is.True);
        Assert.That(await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "activity.checked_in" && a.TargetId == id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberTriesOrganiserCheckInOrTheCode()
    {
        var (_, member, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));

        await (await member.client.PostAsync($"/api/activities/{id}/attendees/{member.id}/check-in", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.client.GetAsync($"/api/activities/{id}/check-in-code")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ServesTheMiniProgramCodeImage_ForTheCurrentScene()
    {
        var (secretary, _, id, _) = await ArrangeAsync(startsIn: TimeSpan.FromMinutes(10));
        var code = await CodeAsync(secretary, id);

        var image = await secretary.GetAsync(code.GetProperty("imageUrl").GetString());

        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.That(code.GetProperty("scene").GetString(), Does.StartWith($"a={id}&t=").And.Length.LessThanOrEqualTo(32));
        Assert.That(code.GetProperty("numericCode").GetString(), Does.Match("^[0-9]{6}$"));
    }

    private async Task<(HttpClient Secretary, (HttpClient client, int id) Member, int ActivityId, SeededOrg Org)> ArrangeAsync(TimeSpan startsIn)
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, Now, startsAt: Now + startsIn, signUpOpensAt: Now.AddHours(-1));
        var member = await App.SignInAsync(org.A.Members[0]);
        Assert.That((await ActivityApi.SignUpAsync(member, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (secretary, (member, org.A.Members[0].Id), id, org);
    }

    private static async Task<JsonElement> CodeAsync(HttpClient organiser, int id)
    {
        var response = await organiser.GetAsync($"/api/activities/{id}/check-in-code");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    private Task<int> CheckedInAsync(int id) =>
        App.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ActivityId == id && e.CheckedInAt != null));
}
