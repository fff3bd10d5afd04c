using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Interaction;

/// <summary>The grades of 民主评议党员.</summary>
public enum AppraisalGrade
{
    /// <summary>优秀</summary>
    [Label("优秀")]
    Excellent,

    /// <summary>合格</summary>
    [Label("合格")]
    Qualified,

    /// <summary>基本合格</summary>
    [Label("基本合格")]
    BasicallyQualified,

    /// <summary>不合格</summary>
    [Label("不合格")]
    Unqualified,
}

public enum AppraisalStatus
{
    [Label("投票中")]
    Open,
    [Label("已结束")]
    Closed,
}

/// <summary>
/// A yearly member appraisal (民主评议党员) of one branch. The electorate is fixed when the round opens:
/// one <see cref="AppraisalVoter"/> row per member who may vote, which records only <em>whether</em> they
/// have voted. Their ballots are stored apart (<see cref="Ballot"/>) without any reference to them.
/// Results are shown only once the round is closed.
/// </summary>
public sealed class AppraisalRound
{
    public const int TitleMaxLength = 100;

    /// <summary>Fewer ballots than this for a member show no breakdown, so a small vote cannot be traced.</summary>
    public const int MinimumBallotsForBreakdown = 3;

    private readonly List<AppraisedMember> _appraised = [];
    private readonly List<AppraisalVoter> _voters = [];

    private AppraisalRound()
    {
        Title = string.Empty;
    }

    public AppraisalRound(int branchId, string title, DateOnly periodStart, DateOnly periodEnd, int openedByMemberId, DateTimeOffset now)
    {
        BranchId = branchId;
        Title = title;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        OpenedByMemberId = openedByMemberId;
        OpenedAt = now;
        Status = AppraisalStatus.Open;
    }

    public int Id { get; private set; }

    public int BranchId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The period appraised (usually a calendar year).</summary>
    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public int OpenedByMemberId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public AppraisalStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => Status == AppraisalStatus.Open;

    public IReadOnlyList<AppraisedMember> Appraised => _appraised;

    public IReadOnlyList<AppraisalVoter> Voters => _voters;

    public static DomainError? CheckPeriod(DateOnly start, DateOnly end) =>
        end < start ? new DomainError("appraisal.period", "评议期间的结束日期不能早于开始日期。") : null;

    public void Appraise(int memberId) => _appraised.Add(new AppraisedMember(memberId));

    public void AddVoter(int memberId) => _voters.Add(new AppraisalVoter(memberId));

    public Result Close(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return new DomainError("appraisal.closed", "评议已经结束。");
        }

        Status = AppraisalStatus.Closed;
        ClosedAt = now;
        return Result.Ok;
    }

    /// <summary>
    /// Checks one voter's ballots: the round is open, the voter is in the electorate and has not voted, and
    /// there is exactly one grade for every appraised member. Marks the voter as having voted and returns the
    /// ballots in random order; the caller saves both in one transaction.
    /// </summary>
    public (IReadOnlyList<Ballot>? Ballots, DomainError? Error) Cast(int voterMemberId, IReadOnlyList<(int AppraisedMemberId, AppraisalGrade Grade, string? Comment)> grades)
    {
        if (!IsOpen)
        {
            return (null, new DomainError("appraisal.closed", "评议已经结束，不能再投票。"));
        }

        var voter = _voters.FirstOrDefault(v => v.MemberId == voterMemberId);
        if (voter is null)
        {
            return (null, new DomainError("appraisal.not_a_voter", "您不在本次评议的投票人范围内（预备党员参加评议但没有表决权）。"));
        }

        if (voter.HasVoted)
        {
            return (null, new DomainError("appraisal.already_voted", "您已经投过票，每人只能投一次。"));
        }

        var wanted = _appraised.Select(a => a.MemberId).Order().ToList();
        var given = grades.Select(g => g.AppraisedMemberId).Order().ToList();
        if (!wanted.SequenceEqual(given))
        {
            return (null, new DomainError("appraisal.incomplete", "请为每一位被评议党员各选择一个等次。"));
        }

        voter.MarkVoted();
        var ballots = grades.Select(g => new Ballot(Guid.NewGuid(), Id, g.AppraisedMemberId, g.Grade, g.Comment)).ToList();
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ballots));
        return (ballots, null);
    }
}

/// <summary>A member appraised in a round, with their self-appraisal (自我评价), which is separate from the ballots.</summary>
public sealed class AppraisedMember
{
    public const int SelfAppraisalMaxLength = 3000;

    private AppraisedMember()
    {
    }

    internal AppraisedMember(int memberId) => MemberId = memberId;

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public int MemberId { get; private set; }

    public string? SelfAppraisal { get; private set; }

    public void WriteSelfAppraisal(string text) => SelfAppraisal = text;
}

/// <summary>
/// One member of a round's electorate and whether they have voted: nothing else, in particular no time of
/// voting, so this row cannot be matched with ballots by order or time.
/// </summary>
public sealed class AppraisalVoter
{
    private AppraisalVoter()
    {
    }

    internal AppraisalVoter(int memberId) => MemberId = memberId;

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public int MemberId { get; private set; }

    public bool HasVoted { get; private set; }

    internal void MarkVoted() => HasVoted = true;
}

/// <summary>
/// One secret ballot: a grade for one appraised member. It carries no voter, no time and a random id, so it
/// cannot be linked to the <see cref="AppraisalVoter"/> row marked in the same transaction.
/// </summary>
public sealed class Ballot
{
    public const int CommentMaxLength = 200;

    private Ballot()
    {
    }

    internal Ballot(Guid id, int roundId, int appraisedMemberId, AppraisalGrade grade, string? comment)
    {
        Id = id;
        RoundId = roundId;
        AppraisedMemberId = appraisedMemberId;
        Grade = grade;
        Comment = comment;
    }

    public Guid Id { get; private set; }

    public int RoundId { get; private set; }

    public int AppraisedMemberId { get; private set; }

    public AppraisalGrade Grade { get; private set; }

    public string? Comment { get; private set; }
}
