using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class UpdateActivityTests : FunctionalTest
{
    [Test]
    public async Task MovesTheWaitingListUp_WhenCapacityIsRaised()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 4);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, capacity: 1, waitingList: true);
        foreach (var client in await ActivityApi.SignInAllAsync(App, org.A.Members))
        {
            await ActivityApi.SignUpAsync(client, id);
        }

        var response = await secretary.PutAsJsonAsync($"/api/activities/{id}", ActivityApi.Body(org.A.Id, now, capacity: 3, waitingList: true, title: "主题党日（扩容）"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("confirmedCount").GetInt32(), Is.EqualTo(3));
        Assert.That(body.GetProperty("waitingCount").GetInt32(), Is.EqualTo(1));
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("主题党日（扩容）"));
        Assert.That(ActivityApi.WaitingList(await ActivityApi.AttendanceAsync(secretary, id)), Is.EqualTo(new[] { org.A.Members[3].Id }));
        var promoted = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectId == id && r.Slot.StartsWith("promoted-")).Select(r => r.MemberId).ToListAsync());
        Assert.That(promoted, Is.EquivalentTo(new[] { org.A.Members[1].Id, org.A.Members[2].Id }));
    }

    [Test]
    public async Task Returns400_WhenCapacityWouldDropBelowConfirmedPlaces()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, capacity: 5);
        foreach (var client in await ActivityApi.SignInAllAsync(App, org.A.Members))
        {
            await ActivityApi.SignUpAsync(client, id);
        }

        await (await secretary.PutAsJsonAsync($"/api/activities/{id}", ActivityApi.Body(org.A.Id, now, capacity: 1))).AssertProblemAsync(HttpStatusCode.BadRequest, "activity.capacity_below_confirmed");
        Assert.That(await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Capacity).SingleAsync()), Is.EqualTo(5));
    }

    [Test]
    public async Task MovesTheStartReminder_WhenTheStartChanges()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now);
        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[0]), id);
        var newStart = now.AddDays(4);

        var response = await secretary.PutAsJsonAsync($"/api/activities/{id}", ActivityApi.Body(org.A.Id, now, startsAt: newStart));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dueAt = await App.WithDbAsync(db => db.Reminders.Where(r => r.SubjectId == id && r.Slot == "start-1h").Select(r => r.DueAt).SingleAsync());
        Assert.That(dueAt, Is.EqualTo(newStart.AddHours(-1)).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task Returns404_WhenCallerCannotSeeTheActivity()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 2, members: 1);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now);

        await (await (await App.SignInAsync(org.B.Secretary)).PutAsJsonAsync($"/api/activities/{id}", ActivityApi.Body(org.B.Id, now)))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
