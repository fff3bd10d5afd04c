using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Tests.Domain;

public sealed class CadenceTests
{
    [Test]
    public void ListsEveryMonthOfTheQuarter_WhenCadenceIsMonthly()
    {
        var periods = Cadence.Monthly.Periods(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31));

        Assert.That(periods.Select(p => p.Label), Is.EqualTo(new[] { "2025-10", "2025-11", "2025-12" }));
        Assert.That(periods[2].End, Is.EqualTo(new DateOnly(2025, 12, 31)));
    }

    [Test]
    public void CountsCutPeriods_WhenRangeStartsMidQuarter()
    {
        var periods = Cadence.Quarterly.Periods(new DateOnly(2026, 2, 15), new DateOnly(2026, 7, 1));

        Assert.That(periods.Select(p => p.Label), Is.EqualTo(new[] { "2026-Q1", "2026-Q2", "2026-Q3" }));
    }

    [Test]
    public void RequiresNothing_WhenCadenceIsNotRequired()
    {
        Assert.That(Cadence.NotRequired.Periods(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), Is.Empty);
    }

    [Test]
    public void UsesRegulationDefaults_WhenBranchHasNoOverride()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MeetingType.BranchGeneralMeeting.DefaultCadence(), Is.EqualTo(Cadence.Quarterly));
            Assert.That(MeetingType.CommitteeMeeting.DefaultCadence(), Is.EqualTo(Cadence.Monthly));
            Assert.That(MeetingType.PartyGroupMeeting.DefaultCadence(), Is.EqualTo(Cadence.Monthly));
            Assert.That(MeetingType.PartyLesson.DefaultCadence(), Is.EqualTo(Cadence.Quarterly));
            Assert.That(MeetingType.OrganizationalLifeMeeting.DefaultCadence(), Is.EqualTo(Cadence.Yearly));
        });
    }
}
