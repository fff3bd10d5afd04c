namespace SmartBranch.Domain.Meetings;

/// <summary>A branch's own cadence for a meeting type, overriding <see cref="MeetingTypes.DefaultCadence"/>.</summary>
public sealed class MeetingCadence
{
    private MeetingCadence()
    {
    }

    public MeetingCadence(int branchId, MeetingType type, Cadence cadence)
    {
        BranchId = branchId;
        Type = type;
        Cadence = cadence;
    }

    public int Id { get; private set; }

    public int BranchId { get; private set; }

    public MeetingType Type { get; private set; }

    public Cadence Cadence { get; private set; }

    public void Change(Cadence cadence) => Cadence = cadence;
}
