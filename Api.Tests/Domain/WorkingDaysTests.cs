using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Tests.Domain;

public sealed class WorkingDaysTests
{
    private static DateTimeOffset China(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Test]
    public void FiveWorkingDaysFromMondayEndWithNextMonday() =>
        Assert.That(WorkingDays.EndOfWorkingDay(China(3, 2, 9), 5), Is.EqualTo(China(3, 10, 0)));

    [Test]
    public void OneWorkingDayFromFridayEveningEndsWithMonday() =>
        Assert.That(WorkingDays.EndOfWorkingDay(China(3, 6, 18), 1), Is.EqualTo(China(3, 10, 0)));

    [Test]
    public void CountingFromSaturdaySkipsSunday() =>
        Assert.That(WorkingDays.EndOfWorkingDay(China(3, 7, 10), 5), Is.EqualTo(China(3, 14, 0)));

    [Test]
    public void DayIsChinaTime_WhenUtcIsStillTheDayBefore() =>
        // 2026-03-02 23:30 UTC is Tuesday 03-03 07:30 in China: five working days end with Tuesday 03-10.
        Assert.That(WorkingDays.EndOfWorkingDay(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), 5), Is.EqualTo(China(3, 11, 0)));
}
