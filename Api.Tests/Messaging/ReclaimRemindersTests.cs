using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.Queues;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>A dispatcher that dies between reading from the stream and acknowledging loses nothing and sends nothing twice.</summary>
public sealed class ReclaimRemindersTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(
        new Dictionary<string, string?> { ["Reminders:ClaimMinIdle"] = "00:00:00", ["Reminders:LeaseDuration"] = "00:02:00" },
        fakeTime: true);

    private IReminderQueue Queue => App.Services.GetRequiredService<IReminderQueue>();

    private ReminderDispatcher Dispatcher => App.Services.GetRequiredService<ReminderDispatcher>();

    [Test]
    public async Task ReclaimsAndSendsExactlyOnce_WhenADispatcherCrashedAfterReading()
    {
        var (members, subjectId) = await ScheduleDueAsync();

        // The crashed dispatcher read the entries (now pending for it) and died before doing anything.
        var read = await Queue.ReadAsync("crashed-before-sending", 100, TimeSpan.Zero, CancellationToken.None);
        Assert.That(read.Select(e => e.ReminderId), Is.SupersetOf((await App.RemindersAsync(SubjectTypes.Meeting, subjectId)).Select(r => r.Id)));

        await App.DrainAsync();

        await AssertEachGotOneMessageAsync(members, subjectId);
        Assert.That(await Dispatcher.RunOnceAsync(CancellationToken.None), Is.Zero, "nothing is left pending");
    }

    [Test]
    public async Task ReclaimsWithoutSendingAgain_WhenADispatcherCrashedAfterSendingButBeforeAcknowledging()
    {
        var (members, subjectId) = await ScheduleDueAsync();
        var crashed = ActivatorUtilities.CreateInstance<ReminderDispatcher>(App.Services);
        var read = await Queue.ReadAsync(crashed.Consumer, 100, TimeSpan.Zero, CancellationToken.None);

        // It sent and recorded everything, then died before XACK.
        await crashed.ProcessAsync(read, CancellationToken.None);
        await AssertEachGotOneMessageAsync(members, subjectId);

        var reclaimed = await App.DrainAsync();

        Assert.That(reclaimed, Is.GreaterThanOrEqualTo(members.Count), "the crashed dispatcher's entries were taken over");
        await AssertEachGotOneMessageAsync(members, subjectId);
        Assert.That(await Dispatcher.RunOnceAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task WaitsForTheLeaseThenSendsOnce_WhenADispatcherCrashedWhileHoldingTheReminders()
    {
        var (members, subjectId) = await ScheduleDueAsync();
        await Queue.ReadAsync("crashed-while-sending", 100, TimeSpan.Zero, CancellationToken.None);
        var leaseUntil = Now.AddMinutes(2);
        await App.WithDbAsync(db => db.Reminders
            .Where(r => r.SubjectType == SubjectTypes.Meeting && r.SubjectId == subjectId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, "crashed-while-sending").SetProperty(r => r.LeaseUntil, leaseUntil)));

        await App.DrainAsync();
        Assert.That(members.SelectMany(App.MessagesTo), Is.Empty, "a live lease is respected: the holder may still be sending");

        App.Time!.Advance(TimeSpan.FromMinutes(2));
        await App.DrainAsync();

        await AssertEachGotOneMessageAsync(members, subjectId);
    }

    private async Task<(IReadOnlyList<SeededMember> Members, int SubjectId)> ScheduleDueAsync()
    {
        var org = await App.SeedAsync(branches: 1, members: 3);
        foreach (var member in org.A.Members)
        {
            await App.BankAsync(member, times: 2);
        }

        var subjectId = ReminderKit.NewSubjectId();
        await App.ScheduleAsync(SubjectTypes.Meeting, subjectId, "24h", org.A.Members.Select(m => m.Id), Now);
        Assert.That(await App.Services.GetRequiredService<ReminderFeeder>().RunOnceAsync(CancellationToken.None), Is.EqualTo(3));
        return (org.A.Members, subjectId);
    }

    private async Task AssertEachGotOneMessageAsync(IReadOnlyList<SeededMember> members, int subjectId)
    {
        foreach (var member in members)
        {
            Assert.That(App.MessagesTo(member), Has.Count.EqualTo(1), member.Name);
        }

        var reminders = await App.RemindersAsync(SubjectTypes.Meeting, subjectId);
        Assert.That(reminders.Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Sent));
        Assert.That(await App.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.SubjectType == SubjectTypes.Meeting && m.SubjectId == subjectId)), Is.EqualTo(members.Count));
    }
}
