using SmartBranch.Domain.Dues;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>The dues rules of the domain reference: brackets (upper bounds inclusive), categories, rounding, months owed, arrears.</summary>
public sealed class DuesRulesTests
{
    private static readonly DuesRates Rates = DuesRates.Default;

    // base (fen) → rate (basis points), monthly amount (fen)
    [TestCase(0L, 50, 0L)]
    [TestCase(100_000L, 50, 500L)]
    [TestCase(300_000L, 50, 1_500L)]
    [TestCase(300_001L, 100, 3_000L)]
    [TestCase(450_050L, 100, 4_501L)]
    [TestCase(500_000L, 100, 5_000L)]
    [TestCase(500_001L, 150, 7_500L)]
    [TestCase(1_000_000L, 150, 15_000L)]
    [TestCase(1_000_001L, 200, 20_000L)]
    [TestCase(2_345_678L, 200, 46_914L)]
    public void FollowsSalariedBracket_AtEveryBoundary(long baseFen, int rate, long monthlyFen)
    {
        var assessment = Rates.Assess(DuesCategory.Salaried, baseFen);

        Assert.That((assessment.RateBasisPoints, assessment.MonthlyFen), Is.EqualTo((rate, monthlyFen)));
    }

    [TestCase(500_000L, 50, 2_500L)]
    [TestCase(500_001L, 100, 5_000L)]
    [TestCase(350_000L, 50, 1_750L)]
    public void FollowsRetiredBracket_AtItsBoundary(long baseFen, int rate, long monthlyFen)
    {
        var assessment = Rates.Assess(DuesCategory.Retired, baseFen);

        Assert.That((assessment.RateBasisPoints, assessment.MonthlyFen), Is.EqualTo((rate, monthlyFen)));
    }

    [TestCase(DuesCategory.Student)]
    [TestCase(DuesCategory.Unemployed)]
    [TestCase(DuesCategory.Relief)]
    public void AsksTwentyFen_WhenCategoryIsFlat(DuesCategory category)
    {
        var assessment = Rates.Assess(category, null);

        Assert.That((assessment.MonthlyFen, assessment.BaseFen, assessment.RateBasisPoints), Is.EqualTo((20L, (long?)null, (int?)null)));
    }

    [TestCase(100_100L, 501L)] // 1,001.00 yuan at 0.5% = 500.5 fen: a half rounds up
    [TestCase(100_099L, 500L)] // 500.495 fen rounds down
    [TestCase(333_333L, 3_333L)] // 3,333.33 yuan at 1% = 3,333.3333 fen
    public void RoundsHalfAwayFromZero_ToTheFen(long baseFen, long monthlyFen)
    {
        Assert.That(Rates.Assess(DuesCategory.Salaried, baseFen).MonthlyFen, Is.EqualTo(monthlyFen));
    }

    [Test]
    public void UsesConfiguredBrackets_WhenTableIsChanged()
    {
        var rates = new DuesRates([new DuesBracket { UpToFen = 200_000, RateBasisPoints = 30 }, new DuesBracket { RateBasisPoints = 100 }], DuesRates.DefaultRetiredBrackets, 50);

        Assert.Multiple(() =>
        {
            Assert.That(rates.Assess(DuesCategory.Salaried, 200_000).MonthlyFen, Is.EqualTo(600));
            Assert.That(rates.Assess(DuesCategory.Salaried, 200_001).MonthlyFen, Is.EqualTo(2_000));
            Assert.That(rates.Assess(DuesCategory.Student, null).MonthlyFen, Is.EqualTo(50));
        });
    }

    [Test]
    public void RefusesTable_WhenBoundsDoNotAscendOrLastIsBounded()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DuesRates.Check(DuesRates.DefaultBrackets), Is.Null);
            Assert.That(DuesRates.Check([new DuesBracket { UpToFen = 5, RateBasisPoints = 50 }]), Is.Not.Null);
            Assert.That(DuesRates.Check([new DuesBracket { UpToFen = 5, RateBasisPoints = 50 }, new DuesBracket { UpToFen = 4, RateBasisPoints = 50 }, new DuesBracket { RateBasisPoints = 1 }]), Is.Not.Null);
        });
    }

    [Test]
    public void AllowsReductionOnlyBelowTheRule_WhenApproved()
    {
        var year = new DuesBase(1, 2026, new YearMonth(2026, 1), DuesCategory.Salaried, 400_000, 2, DateTimeOffset.UnixEpoch);

        var notLower = year.ApproveReduction(4_000, "困难", Rates, 3, DateTimeOffset.UnixEpoch);
        var lower = year.ApproveReduction(1_000, "困难", Rates, 3, DateTimeOffset.UnixEpoch);

        Assert.Multiple(() =>
        {
            Assert.That(notLower.Error?.Code, Is.EqualTo("dues.reduction_not_lower"));
            Assert.That(lower.Succeeded, Is.True);
            Assert.That(year.MonthlyDueFen(Rates), Is.EqualTo(1_000));
        });
    }

    [Test]
    public void NeedsBase_ForSalariedAndRetired_AndNoneForFlatCategories()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DuesBase.Check(DuesCategory.Salaried, null, Rates)?.Code, Is.EqualTo("dues.base_required"));
            Assert.That(DuesBase.Check(DuesCategory.Retired, null, Rates)?.Code, Is.EqualTo("dues.base_required"));
            Assert.That(DuesBase.Check(DuesCategory.Student, 100, Rates)?.Code, Is.EqualTo("dues.base_not_applicable"));
            Assert.That(DuesBase.Check(DuesCategory.Salaried, -1, Rates)?.Code, Is.EqualTo("dues.base_out_of_range"));
            Assert.That(DuesBase.Check(DuesCategory.Relief, null, Rates), Is.Null);
            Assert.That(DuesBase.Check(DuesCategory.Salaried, 0, Rates)?.Code, Is.EqualTo("dues.base_dues_zero"));
            Assert.That(DuesBase.Check(DuesCategory.Retired, 1, Rates)?.Code, Is.EqualTo("dues.base_dues_zero"));
            Assert.That(DuesBase.Check(DuesCategory.Salaried, 100, Rates), Is.Null);
        });
    }

    [Test]
    public void OwesFromMonthOfAdmission_WhenAdmittedMidYear()
    {
        var facts = new DuesMemberFacts(new DateOnly(2026, 5, 20), null, null);

        var owed = DuesSchedule.OwedMonths(facts, new YearMonth(2026, 1), new YearMonth(2026, 12));

        Assert.That(owed.Select(m => m.ToString()), Is.EqualTo(new[] { "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12" }));
    }

    [Test]
    public void OwesAfterPaidUpTo_WhenTransferredIn()
    {
        var facts = new DuesMemberFacts(new DateOnly(2019, 6, 1), new YearMonth(2026, 3), null);

        var owed = DuesSchedule.OwedMonths(facts, new YearMonth(2026, 1), new YearMonth(2026, 6));

        Assert.That(owed.Select(m => m.ToString()), Is.EqualTo(new[] { "2026-04", "2026-05", "2026-06" }));
    }

    [Test]
    public void StopsOwingFromMonthLeft_WhenArchivedMidYear()
    {
        var facts = new DuesMemberFacts(null, null, new YearMonth(2026, 7));

        var owed = DuesSchedule.OwedMonths(facts, new YearMonth(2026, 1), new YearMonth(2026, 12));

        Assert.That(owed.Select(m => m.ToString()), Is.EqualTo(new[] { "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06" }));
    }

    // unpaid months (of 2026), current month → consecutive, remind, flag
    [TestCase(new[] { 1, 2 }, 4, 0, false, false)]
    [TestCase(new[] { 1, 2, 3 }, 4, 3, true, false)]
    [TestCase(new[] { 1, 2, 3, 4, 5 }, 6, 5, true, false)]
    [TestCase(new[] { 1, 2, 3, 4, 5, 6 }, 7, 6, true, true)]
    [TestCase(new[] { 1, 2, 3, 5, 6, 7 }, 8, 3, true, false)]
    [TestCase(new[] { 2, 3, 4, 5, 6, 7, 8 }, 8, 6, true, true)]
    public void CountsConsecutiveUnpaidMonthsBeforeCurrent(int[] unpaid, int current, int consecutive, bool remind, bool flag)
    {
        var standing = DuesSchedule.Arrears(new DuesMemberFacts(null, null, null), unpaid.Select(m => new YearMonth(2026, m)).ToList(), new YearMonth(2026, current));

        Assert.That((standing.ConsecutiveUnpaidMonths, standing.Remind, standing.Flag), Is.EqualTo((consecutive, remind, flag)));
    }

    [Test]
    public void DoesNotFlag_WhenReasonIsApproved()
    {
        var unpaid = Enumerable.Range(1, 6).Select(m => new YearMonth(2026, m)).ToList();

        var standing = DuesSchedule.Arrears(new DuesMemberFacts(null, null, null, Excused: true), unpaid, new YearMonth(2026, 7));

        Assert.That((standing.Remind, standing.Flag), Is.EqualTo((true, false)));
    }

    [Test]
    public void CountsMonthsAcrossTheYearEnd()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new YearMonth(2025, 12).AddMonths(1), Is.EqualTo(new YearMonth(2026, 1)));
            Assert.That(new YearMonth(2026, 1).AddMonths(-1), Is.EqualTo(new YearMonth(2025, 12)));
            Assert.That(YearMonth.Range(new YearMonth(2025, 11), new YearMonth(2026, 2)).Count(), Is.EqualTo(4));
        });
    }
}
