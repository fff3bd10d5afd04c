using System.Text.Json;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class CancelEnrollmentTests : FunctionalTest
{
    [Test]
    public async Task PromotesPosition1AndClosesUpTheList_WhenConfirmedMemberLeaves()
    {
        var (org, secretary, id, clients) = await EveryoneSignedUpAsync(members: 5, capacity: 2);

        Assert.That(ActivityApi.WaitingList(await ActivityApi.AttendanceAsync(secretary, id)), Is.EqualTo(org.A.Members.Skip(2).Select(m => m.Id)));

        var left = await clients[0].DeleteAsync($"/api/activities/{id}/enrollment");

        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var promoted = await (await clients[2].GetAsync($"/api/activities/{id}")).ReadAsync<JsonElement>();
        var last = await (await clients[4].GetAsync($"/api/activities/{id}")).ReadAsync<JsonElement>();
        var attendance = await ActivityApi.AttendanceAsync(secretary, id);
        Assert.Multiple(() =>
        {
            Assert.That(promoted.GetProperty("myEnrollment").GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
            Assert.That(last.GetProperty("myEnrollment").GetProperty("waitlistPosition").GetInt32(), Is.EqualTo(2));
            Assert.That(ActivityApi.WaitingList(attendance), Is.EqualTo(new[] { org.A.Members[3].Id, org.A.Members[4].Id }));
            Assert.That(attendance.GetProperty("signedUp").GetInt32(), Is.EqualTo(2));
        });
        var reminders = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectId == id && r.SubjectType == "activity").ToListAsync());
        Assert.Multiple(() =>
        {
            var told = reminders.Single(r => r.Slot.StartsWith("promoted-", StringComparison.Ordinal));
            Assert.That(told.MemberId, Is.EqualTo(org.A.Members[2].Id));
            Assert.That(told.Status, Is.EqualTo(ReminderStatus.Scheduled));
            Assert.That(told.Body, Does.Contain("递补"));
            Assert.That(reminders.Single(r => r.Slot == "start-1h" && r.MemberId == org.A.Members[0].Id).Status, Is.EqualTo(ReminderStatus.Cancelled));
            Assert.That(reminders.Single(r => r.Slot == "start-1h" && r.MemberId == org.A.Members[2].Id).Status, Is.EqualTo(ReminderStatus.Scheduled));
        });
    }

    [Test]
    public async Task ClosesUpWithoutPromoting_WhenWaitingMemberLeaves()
    {
        var (org, secretary, id, clients) = await EveryoneSignedUpAsync(members: 4, capacity: 1);

        await clients[1].DeleteAsync($"/api/activities/{id}/enrollment");

        var attendance = await ActivityApi.AttendanceAsync(secretary, id);
        Assert.That(ActivityApi.WaitingList(attendance), Is.EqualTo(new[] { org.A.Members[2].Id, org.A.Members[3].Id }));
        Assert.That(attendance.GetProperty("signedUp").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task JoinsTheEndOfTheList_WhenMemberWhoLeftSignsUpAgain()
    {
        var (org, secretary, id, clients) = await EveryoneSignedUpAsync(members: 3, capacity: 1);

        await clients[0].DeleteAsync($"/api/activities/{id}/enrollment");
        var again = await ActivityApi.SignUpAsync(clients[0], id);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await again.ReadAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Waitlisted"));
        Assert.That(body.GetProperty("waitlistPosition").GetInt32(), Is.EqualTo(2));
        Assert.That(ActivityApi.WaitingList(await ActivityApi.AttendanceAsync(secretary, id)), Is.EqualTo(new[] { org.A.Members[2].Id, org.A.Members[0].Id }));
    }

    [Test]
    public async Task FreesThePlace_WhenConfirmedMemberLeavesAndNobodyWaits()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 2);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 1);
        var first = await App.SignInAsync(org.A.Members[0]);
        await ActivityApi.SignUpAsync(first, id);

        Assert.That((await first.DeleteAsync($"/api/activities/{id}/enrollment")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await first.DeleteAsync($"/api/activities/{id}/enrollment")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "leaving twice is harmless");

        var second = await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[1]), id);
        Assert.That((await second.ReadAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
        Assert.That(await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Returns409AndKeepsThePlace_WhenTheActivityHasStarted()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var now = DateTimeOffset.UtcNow;
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, startsAt: now.AddMinutes(-10), signUpClosesAt: now.AddMinutes(30));
        var member = await App.SignInAsync(org.A.Members[0]);
        await ActivityApi.SignUpAsync(member, id);

        await (await member.DeleteAsync($"/api/activities/{id}/enrollment")).AssertProblemAsync(HttpStatusCode.Conflict, "enrollment.started");
        var detail = await (await member.GetAsync($"/api/activities/{id}")).ReadAsync<JsonElement>();
        Assert.That(detail.GetProperty("myEnrollment").GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
    }

    [Test]
    public async Task KeepsEveryPlaceFilled_WhenConfirmedMembersLeaveConcurrently()
    {
        var (org, secretary, id, clients) = await EveryoneSignedUpAsync(members: 30, capacity: 10);

        await Task.WhenAll(clients.Take(10).Select(c => c.DeleteAsync($"/api/activities/{id}/enrollment")));

        var attendance = await ActivityApi.AttendanceAsync(secretary, id);
        var confirmedIds = attendance.GetProperty("attendees").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "Confirmed").Select(a => a.GetProperty("memberId").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(confirmedIds, Is.EquivalentTo(org.A.Members.Skip(10).Take(10).Select(m => m.Id)));
            Assert.That(ActivityApi.WaitingList(attendance), Is.EqualTo(org.A.Members.Skip(20).Select(m => m.Id)));
        });
        Assert.That(await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync()), Is.EqualTo(10));
    }

    /// <summary>
    /// A branch of <paramref name="members"/>, an activity with <paramref name="capacity"/> places and a waiting list, and
    /// every member signed up in roster order (the first <paramref name="capacity"/> confirmed, the rest waiting).
    /// </summary>
    private async Task<(SeededOrg Org, HttpClient Secretary, int Id, HttpClient[] Clients)> EveryoneSignedUpAsync(int members, int capacity)
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: members);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: capacity, waitingList: true);
        return (org, secretary, id, await ActivityApi.SignUpAllAsync(App, org.A.Members, id));
    }
}
