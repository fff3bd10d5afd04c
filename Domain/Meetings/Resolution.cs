using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Meetings;

/// <summary>
/// A motion voted on at a branch general meeting (e.g. admitting a probationary member), with the counts and
/// the quorum it was decided against.
/// </summary>
public sealed class Resolution
{
    public const int TitleMaxLength = 200;

    private Resolution()
    {
        Title = string.Empty;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string Title { get; private set; }

    public int Yes { get; private set; }

    public int No { get; private set; }

    public int Abstain { get; private set; }

    /// <summary>Expected attendees with a vote when it was recorded (the denominator of "passed").</summary>
    public int Voters { get; private set; }

    /// <summary>Voters present when it was recorded.</summary>
    public int VotersPresent { get; private set; }

    public bool Passed { get; private set; }

    public int RecordedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records a vote at a general meeting; refused when the meeting is not one, or not quorate.</summary>
    public static Result<Resolution> Record(Meeting meeting, string title, Vote vote, int recordedById, DateTimeOffset now)
    {
        if (meeting.Type != MeetingType.BranchGeneralMeeting)
        {
            return new DomainError("resolution.not_general_meeting", "只有支部党员大会可以表决决议。");
        }

        if (meeting.IsCancelled)
        {
            return DomainError.Conflict("resolution.meeting_cancelled", "会议已取消。");
        }

        var quorum = meeting.CurrentQuorum()!.Value;
        var check = VotingRules.CheckCanRecord(quorum, vote);
        if (!check.Succeeded)
        {
            return check.Error!;
        }

        return new Resolution
        {
            MeetingId = meeting.Id,
            Title = title.Trim(),
            Yes = vote.Yes,
            No = vote.No,
            Abstain = vote.Abstain,
            Voters = quorum.Counted,
            VotersPresent = quorum.Present,
            Passed = VotingRules.Passes(quorum, vote),
            RecordedById = recordedById,
            RecordedAt = now,
        };
    }
}
