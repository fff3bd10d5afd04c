using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>redis-server stops while reminders fall due and starts again: every reminder is delivered once.</summary>
public sealed class RedisOutageTests
{
    [Test]
    public async Task DeliversEveryReminderOnce_WhenRedisWasDownWhileTheyFellDue()
    {
        await using var redis = await RedisServer.StartNewAsync();
        using var app = new AppFactory(
            new Dictionary<string, string?> { ["Reminders:QueuedTimeout"] = "00:10:00" },
            fakeTime: true,
            redisConnectionString: redis.ConnectionString);
        var org = await app.SeedAsync(branches: 1, members: 4);
        foreach (var member in org.A.Members)
        {
            await app.BankAsync(member, times: 2);
        }

        var now = app.Time!.GetUtcNow();
        var subjectId = ReminderKit.NewSubjectId();

        // Two were already on the stream when Redis died (and the stream died with it, no persistence) …
        await app.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", org.A.Members.Take(2).Select(m => m.Id), now);
        await app.Services.GetRequiredService<ReminderFeeder>().RunOnceAsync(CancellationToken.None);

        // … and the rest fall due while it is down.
        await app.ScheduleAsync(SubjectTypes.Meeting, subjectId, "1h", org.A.Members.Select(m => m.Id), now.AddMinutes(5));
        await redis.StopAsync();
        app.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.That(await app.DrainAsync(), Is.Zero);
        var waiting = await app.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(waiting.Where(r => r.Slot == "1h").Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Scheduled), "due reminders wait in the database");
        Assert.That(app.Emulator.SentMessages, Is.Empty);

        await redis.StartAsync();
        await app.WaitUntilRedisConnectedAsync();
        await app.DrainAsync();

        var afterRestart = await app.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(afterRestart.Where(r => r.Slot == "1h").Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Sent));

        // The entries lost with Redis come back once they have been Queued for longer than the timeout.
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await app.DrainAsync();

        var delivered = await app.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(delivered, Has.Count.EqualTo(6));
        Assert.That(delivered.Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Sent));
        Assert.That(app.Emulator.SentMessages, Has.Count.EqualTo(6));
        Assert.That(app.Emulator.SentMessages.GroupBy(m => m.ToUser).Select(g => g.Count()), Is.EquivalentTo(new[] { 2, 2, 1, 1 }));
        Assert.That(await app.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.SubjectId == subjectId && m.SubjectType == SubjectTypes.Meeting)), Is.EqualTo(6));
    }
}
