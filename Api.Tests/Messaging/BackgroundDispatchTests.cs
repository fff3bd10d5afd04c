using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>The embedded demo setup: no Redis (an in-process queue stands in for the stream) and the background loops on.</summary>
public sealed class BackgroundDispatchTests
{
    [Test]
    public async Task DeliversDueReminders_WhenRunningWithoutRedisAndWithTheBackgroundLoops()
    {
        using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = string.Empty,
            ["Reminders:BackgroundDispatch"] = "true",
            ["Reminders:PollInterval"] = "00:00:00.050",
        });
        var org = await app.SeedAsync(branches: 1, members: 2);
        await app.BankAsync(org.A.Members[0]);
        var subjectId = ReminderKit.NewSubjectId();

        await app.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", org.A.Members.Select(m => m.Id), DateTimeOffset.UtcNow.AddSeconds(-1));

        // Waits for the outcome the loops produce, with a generous deadline, not for a fixed time.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<Reminder> reminders;
        do
        {
            await Task.Delay(50);
            reminders = await app.RemindersAsync(SubjectTypes.Meeting, subjectId);
        }
        while (reminders.Any(r => r.IsPending) && DateTime.UtcNow < deadline);

        Assert.That(reminders.Select(r => r.Status), Is.EquivalentTo(new[] { ReminderStatus.Sent, ReminderStatus.NoQuota }));
        Assert.That(app.MessagesTo(org.A.Members[0]), Has.Count.EqualTo(1));
        Assert.That(await app.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.SubjectId == subjectId && m.SubjectType == SubjectTypes.Meeting)), Is.EqualTo(2));
    }
}
