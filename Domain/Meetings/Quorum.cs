namespace SmartBranch.Domain.Meetings;

/// <summary>
/// Whether enough people are present: more than half of those who count. For a branch general meeting
/// those who count are the expected attendees with a vote (probationary members have none).
/// </summary>
public readonly record struct Quorum(int Counted, int Present)
{
    /// <summary>The smallest number present that makes the meeting quorate (more than half).</summary>
    public int Required => (Counted / 2) + 1;

    public bool IsQuorate => Counted > 0 && Present * 2 > Counted;
}

/// <summary>The votes on a motion at a branch general meeting.</summary>
public readonly record struct Vote(int Yes, int No, int Abstain)
{
    /// <summary>Yes + no + abstain, summed in <c>long</c>: three counts near <c>int.MaxValue</c> must not wrap to a small total.</summary>
    public long Cast => (long)Yes + No + Abstain;
}

public static class VotingRules
{
    /// <summary>
    /// A motion passes only at a quorate meeting and only with more than half of ALL members with a vote
    /// (not merely of those present).
    /// </summary>
    public static bool Passes(Quorum quorum, Vote vote) => quorum.IsQuorate && (long)vote.Yes * 2 > quorum.Counted;

    /// <summary>Refuses a vote that cannot be recorded: an inquorate meeting, or more votes than voters present.</summary>
    public static Common.Result CheckCanRecord(Quorum quorum, Vote vote)
    {
        if (vote.Yes < 0 || vote.No < 0 || vote.Abstain < 0)
        {
            return new Common.DomainError("resolution.negative_votes", "票数不能为负数。");
        }

        if (!quorum.IsQuorate)
        {
            return Common.DomainError.Conflict(
                "resolution.not_quorate",
                $"到会有表决权的党员 {quorum.Present} 人，未超过应到有表决权党员 {quorum.Counted} 人的半数，会议不能进行表决。");
        }

        if (vote.Cast > quorum.Present)
        {
            return new Common.DomainError("resolution.too_many_votes", $"票数合计 {vote.Cast} 超过到会有表决权的党员人数 {quorum.Present}。");
        }

        return Common.Result.Ok;
    }
}
