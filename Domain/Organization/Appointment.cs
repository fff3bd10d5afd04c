namespace SmartBranch.Domain.Organization;

/// <summary>A member holding a committee role in a unit for a term. Rights end with the term.</summary>
public sealed class Appointment
{
    /// <summary>Default committee term (domain.md: 3 years for most branches).</summary>
    public const int DefaultTermYears = 3;

    private Appointment()
    {
    }

    public Appointment(int memberId, int unitId, CommitteeRole role, DateOnly startsOn, DateOnly? endsOn = null)
    {
        MemberId = memberId;
        UnitId = unitId;
        Role = role;
        StartsOn = startsOn;
        EndsOn = endsOn ?? startsOn.AddYears(DefaultTermYears);
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public Member? Member { get; private set; }

    public int UnitId { get; private set; }

    public OrganizationUnit? Unit { get; private set; }

    public CommitteeRole Role { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>Last day of the term (inclusive).</summary>
    public DateOnly EndsOn { get; private set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && day <= EndsOn;

    /// <summary>Ends the term early (re-election, resignation). It ends the day before <paramref name="day"/>.</summary>
    public void EndBefore(DateOnly day)
    {
        if (EndsOn >= day)
        {
            EndsOn = day.AddDays(-1);
        }
    }
}
