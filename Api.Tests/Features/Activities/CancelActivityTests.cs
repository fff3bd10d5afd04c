using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class CancelActivityTests : FunctionalTest
{
    [Test]
    public async Task NotifiesEveryoneSignedUpOrWaiting_AndCancelsPendingReminders_WhenActivityIsCancelled()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 4);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow, capacity: 2, waitingList: true);
        var clients = await ActivityApi.SignUpAllAsync(App, org.A.Members.Take(3), id);

        var response = await secretary.PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = "场地临时维修" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var reminders = await App.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == "activity" && r.SubjectId == id).ToListAsync());
        var cancelled = reminders.Where(r => r.Slot == "cancelled").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Select(r => r.MemberId), Is.EquivalentTo(org.A.Members.Take(3).Select(m => m.Id)));
            Assert.That(cancelled.Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Scheduled));
            Assert.That(cancelled[0].Body, Does.Contain("已取消").And.Contain("场地临时维修"));
            Assert.That(reminders.Count(r => r.Slot == "start-1h"), Is.EqualTo(2), "the two confirmed members had start reminders");
            Assert.That(reminders.Where(r => r.Slot == "start-1h").Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Cancelled));
        });
        var detail = await (await clients[0].GetAsync($"/api/activities/{id}")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("Cancelled"));
        Assert.That(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "activity.cancelled" && a.TargetId == id)), Is.True);
    }

    [Test]
    public async Task Returns409_WhenCancelledTwice()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);
        await secretary.PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = (string?)null });

        await (await secretary.PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = (string?)null })).AssertProblemAsync(HttpStatusCode.Conflict, "activity.cancelled");
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberCancels()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, DateTimeOffset.UtcNow);

        await (await (await App.SignInAsync(org.A.Members[0])).PostAsJsonAsync($"/api/activities/{id}/cancel", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.That(await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.CancelledAt).SingleAsync()), Is.Null);
    }
}
