using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>Two API processes on one database and one Redis stream send each reminder once.</summary>
public sealed class TwoDispatchersTests
{
    [Test]
    public async Task SendsEachReminderOnce_WhenTwoInstancesDispatchFromOneStream()
    {
        using var apps = new TwoInstances(new Dictionary<string, string?>
        {
            ["Reminders:BatchSize"] = "7",

            // Each instance takes over the other's unacknowledged entries at once: the worst case for double sends.
            ["Reminders:ClaimMinIdle"] = "00:00:00",
        });
        var (first, second) = (apps.First, apps.Second);
        var org = await first.SeedAsync(branches: 1, members: 30);
        foreach (var member in org.A.Members)
        {
            await first.BankAsync(member);

            // Both emulators stand for the same WeChat, which knows about the accept.
            second.Emulator.AcceptSubscription(member.OpenId(), ReminderKit.MeetingTemplate);
        }

        var subjectId = ReminderKit.NewSubjectId();
        await first.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", org.A.Members.Select(m => m.Id), DateTimeOffset.UtcNow.AddMinutes(-1));

        await Task.WhenAll(RunUntilDoneAsync(first, subjectId), RunUntilDoneAsync(second, subjectId));

        var messages = first.Emulator.SentMessages.Concat(second.Emulator.SentMessages).ToList();
        Assert.That(messages, Has.Count.EqualTo(30));
        Assert.That(messages.Select(m => m.ToUser).Distinct().Count(), Is.EqualTo(30));
        var reminders = await first.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(reminders.Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Sent));
        Assert.That(await first.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.SubjectId == subjectId && m.SubjectType == SubjectTypes.Meeting)), Is.EqualTo(30));
        Assert.That(await first.WithDbAsync(db => db.SubscriptionQuotas.Where(q => q.MemberId == org.A.Members[0].Id).Select(q => q.Remaining).SingleAsync()), Is.Zero);
    }

    private static async Task RunUntilDoneAsync(AppFactory app, int subjectId)
    {
        await Task.Yield();
        var feeder = app.Services.GetRequiredService<ReminderFeeder>();
        var dispatcher = app.Services.GetRequiredService<ReminderDispatcher>();
        // Bounded by a deadline rather than a round count: under a loaded machine the other instance may hold
        // the batch a little longer, and rounds that find nothing to do are quick.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await feeder.RunOnceAsync(CancellationToken.None);
            await dispatcher.RunOnceAsync(CancellationToken.None);
            var pending = await app.WithDbAsync(db => db.Reminders.CountAsync(r => r.SubjectType == SubjectTypes.Meeting && r.SubjectId == subjectId
                && (r.Status == ReminderStatus.Scheduled || r.Status == ReminderStatus.Queued)));
            if (pending == 0)
            {
                return;
            }
        }

        Assert.Fail("The two dispatchers did not finish.");
    }
}
