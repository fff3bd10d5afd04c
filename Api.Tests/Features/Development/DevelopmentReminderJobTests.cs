using SmartBranch.Api.Features.Development;
using SmartBranch.Api.Tests.Messaging;
using static SmartBranch.Api.Tests.Features.Development.DevelopmentApi;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>
/// The daily job reminds the owners of every branch's overdue and due-this-month tasks with the same code as
/// POST …/reminders; a second pass on the same day adds nothing, the next due day reminds again.
/// </summary>
public sealed class DevelopmentReminderJobTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task OnePassRemindsEveryBranch_AndASecondPassTheSameDaySendsNothingNew()
    {
        var org = await App.SeedAsync(branches: 2, members: 1);
        var today = Today(App);
        await SeedHistoryAsync(App, org.A, "甲待谈", $"JA{org.A.Id}", [today.AddDays(-40)], [], org.A.Members[0].Id, today);
        await SeedHistoryAsync(App, org.B, "乙待谈", $"JB{org.B.Id}", [today.AddDays(-10)], [], org.B.Members[0].Id, today);
        var sentBefore = App.Emulator.SentMessages.Count;
        await App.BankAsync(org.A.Secretary, "EMU_DEVELOPMENT_REMINDER", times: 3);
        await App.BankAsync(org.B.Secretary, "EMU_DEVELOPMENT_REMINDER", times: 3);

        var first = await RunJobAsync();
        await App.DrainAsync();
        var afterFirst = App.Emulator.SentMessages.Skip(sentBefore).ToList();
        var second = await RunJobAsync();
        await App.DrainAsync();
        var afterSecond = App.Emulator.SentMessages.Skip(sentBefore).ToList();
        var options = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DevelopmentOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(first.Scheduled, Is.EqualTo(2), "one overdue talk in branch A, one talk due this month in branch B");
            Assert.That(afterFirst.Select(m => (m.ToUser, m.Data["thing1"], m.Data["thing2"])), Is.EquivalentTo(new[]
            {
                (org.A.Secretary.OpenId(), "甲待谈：入党申请人谈话", "已逾期"),
                (org.B.Secretary.OpenId(), "乙待谈：入党申请人谈话", "本月到期"),
            }));
            Assert.That(second.Scheduled, Is.Zero, "the slot per task and due day is already taken");
            Assert.That(afterSecond, Has.Count.EqualTo(afterFirst.Count), "the second pass sent nothing");
            Assert.That((options.BackgroundJobs, options.ReminderHour), Is.EqualTo((false, 8)), "tests run the job by hand; 08:00 China time by default");
        });
    }

    [Test]
    public void TheWorkerRunsAtTheConfiguredHourChinaTime_CatchingUpAfterALateStart()
    {
        // 2026-03-02 01:00 UTC is 09:00 in China.
        var morning = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(DevelopmentReminderWorker.FirstRun(morning, 8), Is.EqualTo(morning), "08:00 has passed: run at once");
            Assert.That(DevelopmentReminderWorker.FirstRun(morning, 10), Is.EqualTo(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));
            Assert.That(DevelopmentReminderWorker.NextRun(morning, 8), Is.EqualTo(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(DevelopmentReminderWorker.NextRun(morning, 10), Is.EqualTo(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));
        });
    }

    private async Task<SendReminders.Response> RunJobAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DevelopmentReminderJob>().RunOnceAsync(CancellationToken.None);
    }
}
