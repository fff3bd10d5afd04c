namespace SmartBranch.Domain.Organization;

/// <summary>A member holding a committee role in a unit for a term. Rights end with the term.</summary>
public sealed class Appointment
{
    /// <summary>Default committee term (Domain/README.md: 3 years for most branches).</summary>
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

    /// <summary>True when this term and the term <paramref name="startsOn"/>–<paramref name="endsOn"/> share a day.</summary>
    public bool Overlaps(DateOnly startsOn, DateOnly endsOn) => StartsOn <= endsOn && startsOn <= EndsOn;

    /// <summary>
    /// Refuses a term that ends before it starts, and one that would give a unit two holders of a
    /// single-holder role (or one member the same role twice) at the same time.
    /// </summary>
    public static Common.Result CheckNew(int memberId, CommitteeRole role, DateOnly startsOn, DateOnly endsOn, IEnumerable<Appointment> sameUnitAndRole)
    {
        if (endsOn < startsOn)
        {
            return new Common.DomainError("appointment.bad_term", "任期结束日期不能早于开始日期。");
        }

        foreach (var other in sameUnitAndRole.Where(a => a.Role == role && a.Overlaps(startsOn, endsOn)))
        {
            if (other.MemberId == memberId)
            {
                return Common.DomainError.Conflict("appointment.duplicate", "该党员在此任期内已担任该职务。");
            }

            if (role.IsSingleHolder())
            {
                return Common.DomainError.Conflict("appointment.role_taken", $"该组织在此任期内已有{role.DisplayName()}，请先结束其任期。");
            }
        }

        return Common.Result.Ok;
    }

    /// <summary>
    /// Ends the appointment as of <paramref name="today"/>: rights end at once. Returns true when the
    /// term had not begun before today, so there is no served term to keep and the record can go.
    /// </summary>
    public bool EndNow(DateOnly today)
    {
        EndBefore(today);
        return StartsOn >= today;
    }

    /// <summary>Ends the term early (re-election, resignation). It ends the day before <paramref name="day"/>.</summary>
    public void EndBefore(DateOnly day)
    {
        if (EndsOn >= day)
        {
            EndsOn = day.AddDays(-1);
        }
    }
}
