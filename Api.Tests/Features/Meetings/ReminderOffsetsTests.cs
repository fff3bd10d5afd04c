namespace SmartBranch.Api.Tests.Features.Meetings;

/// <summary>Reminder slots come from configuration (Meetings:ReminderOffsets).</summary>
public sealed class ReminderOffsetsTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(
        new Dictionary<string, string?> { ["Meetings:ReminderOffsets:0"] = "02:00:00", ["Meetings:ReminderOffsets:1"] = "00:30:00" },
        fakeTime: true);

    [Test]
    public async Task SchedulesConfiguredSlotsOnly_WhenOffsetsAreConfigured()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var start = App.Time!.GetUtcNow().AddDays(2);

        var meeting = await MeetingApi.ScheduleAsync(secretary, "PartyLesson", org.A.Id, start);

        var reminders = await MeetingApi.RemindersAsync(App, meeting.GetProperty("id").GetInt32());
        var slots = reminders.GroupBy(r => r.Slot).ToDictionary(g => g.Key, g => g.Select(r => r.DueAt).Distinct().Single());
        Assert.That(slots, Is.EquivalentTo(new Dictionary<string, DateTimeOffset> { ["2h"] = start.AddHours(-2), ["30m"] = start.AddMinutes(-30) }));
    }
}
