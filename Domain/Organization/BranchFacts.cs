namespace SmartBranch.Domain.Organization;

/// <summary>A warning about a unit: shown on the unit, never a refusal.</summary>
public sealed record UnitWarning(string Code, string Message);

/// <summary>
/// The organisation facts of Domain/README.md ("Organisation facts"): a branch needs at least 3 full members and
/// normally has at most 50; with 7 or more full members it elects a committee (支委会), otherwise a
/// secretary is enough; a committee term ends and must be renewed (换届).
/// </summary>
public static class BranchFacts
{
    public const int MinFullMembers = 3;
    public const int MaxMembers = 50;
    public const int CommitteeFromFullMembers = 7;

    /// <summary>Default days ahead of a term's end at which a missing new committee is flagged.</summary>
    public const int DefaultTermEndWarningDays = 60;

    /// <summary>
    /// Warnings for a branch with <paramref name="fullMembers"/> full and <paramref name="members"/> active
    /// members, <paramref name="committeeSeats"/> branch-committee roles held today and the end of the
    /// current secretary's term (<paramref name="termEndsOn"/>, null without a secretary).
    /// </summary>
    public static IReadOnlyList<UnitWarning> ForBranch(int fullMembers, int members, int committeeSeats, DateOnly? termEndsOn, DateOnly today, int termEndWarningDays)
    {
        var warnings = new List<UnitWarning>();
        if (fullMembers < MinFullMembers)
        {
            warnings.Add(new UnitWarning("branch.too_few_full", $"正式党员{fullMembers}名，党支部应有正式党员3名以上。"));
        }

        if (members > MaxMembers)
        {
            warnings.Add(new UnitWarning("branch.too_many", $"党员{members}名，党支部一般不超过50名，可考虑分设或成立党总支。"));
        }

        if (fullMembers >= CommitteeFromFullMembers && committeeSeats < 3)
        {
            warnings.Add(new UnitWarning("branch.no_committee", $"正式党员{fullMembers}名（7名以上）应设立支部委员会（3至5名委员），目前仅{committeeSeats}名。"));
        }

        if (termEndsOn is null)
        {
            warnings.Add(new UnitWarning("branch.no_secretary", "党支部目前没有在任书记。"));
        }
        else if (IsTermEnding(termEndsOn.Value, today, termEndWarningDays))
        {
            warnings.Add(new UnitWarning("branch.term_ending", $"本届支部任期于{termEndsOn:yyyy-MM-dd}届满，请及时换届。"));
        }

        return warnings;
    }

    /// <summary>True when a term ending on <paramref name="endsOn"/> is within <paramref name="warningDays"/> days (or over) and no successor is set.</summary>
    public static bool IsTermEnding(DateOnly endsOn, DateOnly today, int warningDays) => endsOn.AddDays(-warningDays) <= today;
}
