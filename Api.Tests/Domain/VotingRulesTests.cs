using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>The branch of the issue: 12 full and 3 probationary members, all expected at a general meeting.</summary>
public sealed class VotingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public void CountsOnlyVoters_WhenGeneralMeetingHasProbationaryMembers()
    {
        var meeting = GeneralMeeting(full: 12, probationary: 3);

        var quorum = meeting.CurrentQuorum()!.Value;

        Assert.That(meeting.Attendees, Has.Count.EqualTo(15));
        Assert.That(quorum.Counted, Is.EqualTo(12));
        Assert.That(quorum.Required, Is.EqualTo(7));
    }

    [TestCase(6, false)]
    [TestCase(7, true)]
    [TestCase(12, true)]
    public void IsQuorateOnlyWithMoreThanHalfOfVoters_WhenVotersArePresent(int votersPresent, bool quorate)
    {
        var meeting = GeneralMeeting(full: 12, probationary: 3);
        CheckIn(meeting, voters: votersPresent, probationary: 3);

        Assert.That(meeting.CurrentQuorum()!.Value.IsQuorate, Is.EqualTo(quorate));
    }

    [Test]
    public void IsNotQuorate_WhenOnlyProbationaryMembersMakeUpTheNumbers()
    {
        var meeting = GeneralMeeting(full: 12, probationary: 3);
        CheckIn(meeting, voters: 6, probationary: 3);

        var quorum = meeting.CurrentQuorum()!.Value;

        Assert.That(quorum.Present, Is.EqualTo(6));
        Assert.That(quorum.IsQuorate, Is.False);
    }

    [TestCase(7, true)]
    [TestCase(6, false)]
    public void PassesOnlyWithMoreThanHalfOfAllVoters_WhenMeetingIsQuorate(int yes, bool passes)
    {
        var quorum = new Quorum(Counted: 12, Present: 12);

        Assert.That(VotingRules.Passes(quorum, new Vote(yes, 12 - yes, 0)), Is.EqualTo(passes));
    }

    [Test]
    public void DoesNotPass_WhenYesIsMajorityOfThosePresentButNotOfAllVoters()
    {
        // 7 present, 6 yes: a majority of the room but not of the 12 voters.
        var quorum = new Quorum(Counted: 12, Present: 7);

        Assert.That(VotingRules.Passes(quorum, new Vote(6, 1, 0)), Is.False);
    }

    [Test]
    public void NothingPassesAndRecordingIsRefused_WhenMeetingIsInquorate()
    {
        var quorum = new Quorum(Counted: 12, Present: 6);
        var vote = new Vote(6, 0, 0);

        Assert.That(VotingRules.Passes(quorum, vote), Is.False);
        Assert.That(VotingRules.CheckCanRecord(quorum, vote).Error?.Code, Is.EqualTo("resolution.not_quorate"));
    }

    [Test]
    public void RefusesMoreVotesThanVotersPresent_WhenRecording()
    {
        var outcome = VotingRules.CheckCanRecord(new Quorum(12, 7), new Vote(7, 1, 0));

        Assert.That(outcome.Error?.Code, Is.EqualTo("resolution.too_many_votes"));
    }

    [TestCase(int.MaxValue, int.MaxValue, 4, 4294967298L)]
    [TestCase(int.MaxValue, 0, int.MaxValue, 4294967294L)]
    [TestCase(int.MaxValue, int.MaxValue, int.MaxValue, 6442450941L)]
    public void RefusesWithTheTrueTotal_WhenCountsWouldOverflowAnInt(int yes, int no, int abstain, long total)
    {
        var vote = new Vote(yes, no, abstain);

        var outcome = VotingRules.CheckCanRecord(new Quorum(Counted: 9, Present: 5), vote);

        Assert.That(vote.Cast, Is.EqualTo(total));
        Assert.That(outcome.Error?.Code, Is.EqualTo("resolution.too_many_votes"));
        Assert.That(outcome.Error?.Message, Is.EqualTo($"票数合计 {total} 超过到会有表决权的党员人数 5。"));
    }

    [Test]
    public void RecordsPassedResolution_WhenSevenOfTwelveVoteYesAtQuorateMeeting()
    {
        var meeting = GeneralMeeting(full: 12, probationary: 3);
        CheckIn(meeting, voters: 9, probationary: 0);

        var (resolution, error) = Resolution.Record(meeting, "接收预备党员", new Vote(7, 1, 1), recordedById: 1, Now);

        Assert.That(error, Is.Null);
        Assert.That(resolution!.Passed, Is.True);
        Assert.That((resolution.Voters, resolution.VotersPresent), Is.EqualTo((12, 9)));
    }

    [Test]
    public void RefusesResolution_WhenMeetingIsNotGeneralMeeting()
    {
        var (meeting, _) = Meeting.Schedule(MeetingType.CommitteeMeeting, 1, 1, Details(), [(1, true), (2, true), (3, true)], 1, "s", Now);

        var (_, error) = Resolution.Record(meeting!, "x", new Vote(3, 0, 0), 1, Now);

        Assert.That(error?.Code, Is.EqualTo("resolution.not_general_meeting"));
    }

    [Test]
    public void CountsLateArrivalsAsPresent_WhenCheckingInAfterGrace()
    {
        var meeting = GeneralMeeting(full: 3, probationary: 0);

        var (onTime, _) = meeting.CheckIn(1, meeting.StartsAt.AddMinutes(4), TimeSpan.FromMinutes(5));
        var (late, _) = meeting.CheckIn(2, meeting.StartsAt.AddMinutes(6), TimeSpan.FromMinutes(5));

        Assert.That(onTime!.Status, Is.EqualTo(AttendanceStatus.Present));
        Assert.That(late!.Status, Is.EqualTo(AttendanceStatus.Late));
        Assert.That(meeting.CurrentQuorum()!.Value.Present, Is.EqualTo(2));
    }

    private static MeetingDetails Details() =>
        new("会议", Now.AddDays(1), Now.AddDays(1).AddHours(2), "会议室", null, 1, null, null, Visibility.Internal);

    private static Meeting GeneralMeeting(int full, int probationary)
    {
        var attendees = Enumerable.Range(1, full).Select(i => (i, true))
            .Concat(Enumerable.Range(full + 1, probationary).Select(i => (i, false)));
        var (meeting, error) = Meeting.Schedule(MeetingType.BranchGeneralMeeting, 1, 1, Details(), attendees, 1, "secret", Now);
        Assert.That(error, Is.Null);
        return meeting!;
    }

    private static void CheckIn(Meeting meeting, int voters, int probationary)
    {
        var ids = meeting.Attendees.Where(a => a.HasVote).Take(voters)
            .Concat(meeting.Attendees.Where(a => !a.HasVote).Take(probationary))
            .Select(a => a.MemberId)
            .ToList();
        foreach (var id in ids)
        {
            meeting.CheckIn(id, meeting.StartsAt, TimeSpan.FromMinutes(5));
        }
    }
}
