using System.Text.Json;
using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class SignUpForActivityTests : FunctionalTest
{
    [Test]
    public async Task ConfirmsExactly50AndWaitlists150WithPositions1To150_When200MembersSignUpAtOnce()
    {
        var (org, secretary, id, members) = await ActivityApi.OpenSignUpsAsync(App, members: 200, capacity: 50, waitingList: true);

        var responses = await Task.WhenAll(members.Select(m => ActivityApi.SignUpAsync(m, id)));

        var bodies = await Task.WhenAll(responses.Select(r => r.ReadAsync<JsonElement>()));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var confirmed = bodies.Count(b => b.GetProperty("status").GetString() == "Confirmed");
        var positions = bodies.Where(b => b.GetProperty("status").GetString() == "Waitlisted")
            .Select(b => b.GetProperty("waitlistPosition").GetInt32()).Order().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(confirmed, Is.EqualTo(50));
            Assert.That(positions, Is.EqualTo(Enumerable.Range(1, 150)), "positions handed out at sign-up");
        });
        await AssertStoredAsync(App, secretary, id, confirmed: 50, waiting: 150);
    }

    [Test]
    public async Task ConfirmsExactly20AndRefuses80AsFull_When100MembersSignUpAtOnceWithoutAWaitingList()
    {
        var (org, secretary, id, members) = await ActivityApi.OpenSignUpsAsync(App, members: 100, capacity: 20);

        var responses = await Task.WhenAll(members.Select(m => ActivityApi.SignUpAsync(m, id)));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        var codes = await Task.WhenAll(refused.Select(async r => (await r.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(20));
            Assert.That(refused, Has.Count.EqualTo(80));
            Assert.That(codes, Is.All.EqualTo("enrollment.full"));
        });
        await AssertStoredAsync(App, secretary, id, confirmed: 20, waiting: 0);
    }

    [Test]
    public async Task GivesTheSameResult_WhenTwoApiProcessesShareOneDatabase()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 120);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 30, waitingList: true);
        using var second = new AppFactory(databasePath: App.DatabasePath);
        var half = org.A.Members.Count / 2;
        var first = await ActivityApi.SignInAllAsync(App, org.A.Members.Take(half));
        var other = await ActivityApi.SignInAllAsync(second, org.A.Members.Skip(half));

        var responses = await Task.WhenAll(first.Concat(other).Select(m => ActivityApi.SignUpAsync(m, id)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        await AssertStoredAsync(App, secretary, id, confirmed: 30, waiting: 90);
        var seenBySecond = await ActivityApi.AttendanceAsync(await second.SignInAsync(org.A.Secretary), id);
        Assert.That(ActivityApi.WaitingList(seenBySecond), Has.Length.EqualTo(90));
    }

    [Test]
    public async Task ReturnsTheExistingSignUp_WhenSigningUpTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 1, waitingList: true);
        var first = await App.SignInAsync(org.A.Members[0]);
        var second = await App.SignInAsync(org.A.Members[1]);
        Assert.That((await ActivityApi.SignUpAsync(first, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var waiting = await (await ActivityApi.SignUpAsync(second, id)).ReadAsync<JsonElement>();

        var again = await ActivityApi.SignUpAsync(second, id);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await again.ReadAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Waitlisted"));
            Assert.That(body.GetProperty("waitlistPosition").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("signedUpAt").GetDateTimeOffset(), Is.EqualTo(waiting.GetProperty("signedUpAt").GetDateTimeOffset()));
        });
        await AssertStoredAsync(App, secretary, id, confirmed: 1, waiting: 1);
    }

    [Test]
    public async Task Returns409Full_WhenNoPlaceIsLeftAndThereIsNoWaitingList()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 1);
        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id);

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[1]), id)).AssertProblemAsync(HttpStatusCode.Conflict, "enrollment.full");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("名额已满"));
        await AssertStoredAsync(App, secretary, id, confirmed: 1, waiting: 0);
    }

    [Test]
    public async Task Returns409NotOpen_WhenSignUpHasNotStarted()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, now, signUpOpensAt: now.AddHours(3));

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).AssertProblemAsync(HttpStatusCode.Conflict, "enrollment.not_open");
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("报名尚未开始"));
    }

    [Test]
    public async Task Returns409Closed_WhenSignUpHasEnded()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, now, signUpOpensAt: now.AddDays(-2), signUpClosesAt: now.AddMinutes(-1));

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).AssertProblemAsync(HttpStatusCode.Conflict, "enrollment.closed");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("报名已截止。"));
    }

    [Test]
    public async Task Returns409Cancelled_WhenActivityWasCancelled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        Assert.That((await secretary.PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = "天气原因" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).AssertProblemAsync(HttpStatusCode.Conflict, "activity.cancelled");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("活动已取消"));
    }

    [Test]
    public async Task Returns403NotInAudience_WhenPublicActivityIsForAnotherBranch()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, DateTimeOffset.UtcNow, visibility: "Public");

        var problem = await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.B.Members[0]), id)).AssertProblemAsync(HttpStatusCode.Forbidden, "enrollment.not_in_audience");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("不在该活动的参加范围内"));
        Assert.That(await App.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ActivityId == id)), Is.Zero);
    }

    [Test]
    public async Task Returns404_WhenInternalActivityIsForAnotherBranch()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, DateTimeOffset.UtcNow, visibility: "Internal");
        var outsider = await App.SignInAsync(org.B.Members[0]);

        await (await ActivityApi.SignUpAsync(outsider, id)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/activities/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Returns404_WhenCommitteeActivityAndCallerIsAPlainMember()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, visibility: "Committee");

        await (await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await ActivityApi.SignUpAsync(secretary, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task SchedulesAStartReminder_WhenMemberGetsAPlace()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        var now = DateTimeOffset.UtcNow;
        var startsAt = now.AddDays(1);
        var id = await ActivityApi.CreateAsync(await App.SignInAsync(org.A.Secretary), org.A.Id, now, startsAt: startsAt);

        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id);

        var reminder = await App.WithDbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.SubjectType == "activity" && r.SubjectId == id));
        Assert.Multiple(() =>
        {
            Assert.That(reminder.Slot, Is.EqualTo("start-1h"));
            Assert.That(reminder.MemberId, Is.EqualTo(org.A.Members[0].Id));
            Assert.That(reminder.DueAt, Is.EqualTo(startsAt.AddHours(-1)).Within(TimeSpan.FromSeconds(1)));
        });
    }

    /// <summary>What the database holds matches what the organiser sees: the counter, the rows and the positions.</summary>
    private static async Task AssertStoredAsync(AppFactory app, HttpClient organiser, int id, int confirmed, int waiting)
    {
        var (counter, rows, waitingRows) = await app.WithDbAsync(async db => (
            await db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync(),
            await db.Enrollments.CountAsync(e => e.ActivityId == id && e.Status == EnrollmentStatus.Confirmed),
            await db.Enrollments.CountAsync(e => e.ActivityId == id && e.Status == EnrollmentStatus.Waitlisted)));
        var attendance = await ActivityApi.AttendanceAsync(organiser, id);
        Assert.Multiple(() =>
        {
            Assert.That(counter, Is.EqualTo(confirmed), "ConfirmedCount");
            Assert.That(rows, Is.EqualTo(confirmed), "confirmed rows");
            Assert.That(waitingRows, Is.EqualTo(waiting), "waiting rows");
            Assert.That(attendance.GetProperty("signedUp").GetInt32(), Is.EqualTo(confirmed));
            Assert.That(attendance.GetProperty("waitlisted").GetInt32(), Is.EqualTo(waiting));
            Assert.That(ActivityApi.WaitingList(attendance), Has.Length.EqualTo(waiting));
        });
    }
}
