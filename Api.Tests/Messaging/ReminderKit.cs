using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>Schedules reminders the way features do and drives the pipeline by hand (the background loops are off in tests).</summary>
internal static class ReminderKit
{
    public const string MeetingTemplate = "EMU_MEETING_REMINDER";

    public static ReminderContent Meeting(string topic = "支部党员大会", string? place = "行政楼301") =>
        new("会议提醒", $"{topic} 即将开始，请准时参加。", "pages/meetings/detail?id=1", topic, new DateTimeOffset(2026, 3, 3, 6, 30, 0, TimeSpan.Zero), place, "请携带笔记本");

    public static async Task ScheduleAsync(this AppFactory app, string subjectType, int subjectId, string slot, IEnumerable<int> memberIds, DateTimeOffset dueAt, ReminderContent? content = null, ReminderKind? kind = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<ReminderScheduler>();
        await scheduler.ScheduleAsync(kind ?? ReminderKind.Meeting, subjectType, subjectId, slot, memberIds, dueAt, content ?? Meeting(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    /// <summary>Feeds and dispatches until nothing moves; returns the entries dispatched.</summary>
    public static async Task<int> DrainAsync(this AppFactory app)
    {
        var feeder = app.Services.GetRequiredService<ReminderFeeder>();
        var dispatcher = app.Services.GetRequiredService<ReminderDispatcher>();
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var fed = await feeder.RunOnceAsync(CancellationToken.None);
            var sent = await dispatcher.RunOnceAsync(CancellationToken.None);
            total += sent;
            if (fed == 0 && sent == 0)
            {
                return total;
            }
        }

        throw new AssertionException("The reminder pipeline did not settle.");
    }

    /// <summary>The member taps "accept" in the mini-program and it reports the answer.</summary>
    public static async Task BankAsync(this AppFactory app, SeededMember member, string templateId = MeetingTemplate, int times = 1)
    {
        var client = await app.SignInAsync(member);
        for (var i = 0; i < times; i++)
        {
            var response = await client.PostAsJsonAsync("/api/subscriptions", new { results = new Dictionary<string, string> { [templateId] = "accept" } });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }

    public static string OpenId(this SeededMember member) => WeChatEmulator.OpenIdFor(member.Name);

    public static IReadOnlyList<EmulatorMessage> MessagesTo(this AppFactory app, SeededMember member) =>
        app.Emulator.SentMessages.Where(m => m.ToUser == member.OpenId()).ToList();

    public static Task<List<Reminder>> RemindersAsync(this AppFactory app, string subjectType, int subjectId) =>
        app.WithDbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>A subject id nobody else uses in this test run.</summary>
    public static int NewSubjectId() => Interlocked.Increment(ref _subjectId);

    private static int _subjectId = Random.Shared.Next(1_000, 1_000_000);
}
