using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

/// <summary>The statutory meetings of a branch (三会一课) and the other regular ones.</summary>
public enum MeetingType
{
    /// <summary>支部党员大会</summary>
    [Label("支部党员大会")]
    BranchGeneralMeeting,

    /// <summary>支委会</summary>
    [Label("支委会")]
    CommitteeMeeting,

    /// <summary>党小组会 (held by a party group)</summary>
    [Label("党小组会")]
    PartyGroupMeeting,

    /// <summary>党课</summary>
    [Label("党课")]
    PartyLesson,

    /// <summary>主题党日</summary>
    [Label("主题党日")]
    ThemedPartyDay,

    /// <summary>组织生活会</summary>
    [Label("组织生活会")]
    OrganizationalLifeMeeting,

    /// <summary>民主评议党员</summary>
    [Label("民主评议党员")]
    MemberAppraisal,
}

/// <summary>Who is expected at a meeting of a type, before the organiser adjusts the list.</summary>
public enum AttendeeSource
{
    /// <summary>Every member of the branch.</summary>
    [Label("全体党员")]
    WholeBranch,

    /// <summary>The branch committee active on the day of scheduling.</summary>
    [Label("支委会成员")]
    Committee,

    /// <summary>The members of the party group.</summary>
    [Label("党小组成员")]
    PartyGroup,
}

public static class MeetingTypes
{
    public static IReadOnlyList<MeetingType> All { get; } = Enum.GetValues<MeetingType>();

    /// <summary>Chinese name shown in the mini-program.</summary>
    public static string DisplayName(this MeetingType type) => EnumLabels.Of(type);

    /// <summary>Default cadence (Domain/README.md); a branch may override it with a <see cref="MeetingCadence"/>.</summary>
    public static Cadence DefaultCadence(this MeetingType type) => type switch
    {
        MeetingType.BranchGeneralMeeting => Cadence.Quarterly,
        MeetingType.CommitteeMeeting => Cadence.Monthly,
        MeetingType.PartyGroupMeeting => Cadence.Monthly,
        MeetingType.PartyLesson => Cadence.Quarterly,
        MeetingType.ThemedPartyDay => Cadence.Monthly,
        MeetingType.OrganizationalLifeMeeting => Cadence.Yearly,
        MeetingType.MemberAppraisal => Cadence.Yearly,
        _ => Cadence.NotRequired,
    };

    public static AttendeeSource Attendees(this MeetingType type) => type switch
    {
        MeetingType.CommitteeMeeting => AttendeeSource.Committee,
        MeetingType.PartyGroupMeeting => AttendeeSource.PartyGroup,
        _ => AttendeeSource.WholeBranch,
    };

    /// <summary>Committee deliberations stay with the committee unless the organiser says otherwise.</summary>
    public static Visibility DefaultVisibility(this MeetingType type) =>
        type == MeetingType.CommitteeMeeting ? Visibility.Committee : Visibility.Internal;

    /// <summary>True when the meeting is held by a party group rather than by the branch.</summary>
    public static bool IsHeldByGroup(this MeetingType type) => type == MeetingType.PartyGroupMeeting;
}
