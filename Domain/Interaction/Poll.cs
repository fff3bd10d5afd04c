using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Interaction;

/// <summary>
/// A quick poll of a branch, a meeting or an activity. Each member votes once (one option, or several when
/// <see cref="MultipleChoice"/>) until <see cref="ClosesAt"/> or until the committee closes it. Anonymous
/// polls never show who chose what; the vote rows still name the voter, so nobody votes twice.
/// </summary>
public sealed class Poll
{
    public const int QuestionMaxLength = 200;
    public const int OptionMaxLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;

    private readonly List<PollOption> _options = [];

    private Poll()
    {
        Question = string.Empty;
    }

    public Poll(TargetKind targetKind, int targetId, int ownerUnitId, string question, IEnumerable<string> options, bool multipleChoice, bool isAnonymous,
        DateTimeOffset closesAt, int createdByMemberId, DateTimeOffset now)
    {
        TargetKind = targetKind;
        TargetId = targetId;
        OwnerUnitId = ownerUnitId;
        Question = question;
        MultipleChoice = multipleChoice;
        IsAnonymous = isAnonymous;
        ClosesAt = closesAt;
        CreatedByMemberId = createdByMemberId;
        CreatedAt = now;
        var position = 0;
        foreach (var text in options)
        {
            _options.Add(new PollOption(text, position++));
        }
    }

    public int Id { get; private set; }

    public TargetKind TargetKind { get; private set; }

    /// <summary>The unit, meeting or activity id.</summary>
    public int TargetId { get; private set; }

    /// <summary>The unit whose managers run the poll (the meeting's or activity's unit).</summary>
    public int OwnerUnitId { get; private set; }

    public string Question { get; private set; }

    public bool MultipleChoice { get; private set; }

    public bool IsAnonymous { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>Set when closed before <see cref="ClosesAt"/>.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public int CreatedByMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<PollOption> Options => _options;

    public bool IsOpen(DateTimeOffset now) => ClosedAt is null && now < ClosesAt;

    public static DomainError? CheckClosing(DateTimeOffset closesAt, DateTimeOffset now) =>
        closesAt <= now ? new DomainError("poll.closes_in_past", "截止时间必须晚于现在。") : null;

    /// <summary>The votes of one member, or why they are refused. The unique index on (poll, member, option) guards races.</summary>
    public (IReadOnlyList<PollVote>? Votes, DomainError? Error) Vote(int memberId, IReadOnlyCollection<int> optionIds, bool alreadyVoted, DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            return (null, new DomainError("poll.closed", "投票已经截止。"));
        }

        if (alreadyVoted)
        {
            return (null, new DomainError("poll.already_voted", "您已经投过票。"));
        }

        var distinct = optionIds.Distinct().ToList();
        if (distinct.Count == 0 || (!MultipleChoice && distinct.Count > 1))
        {
            return (null, new DomainError("poll.choice_count", MultipleChoice ? "请至少选择一项。" : "本投票为单选，请只选择一项。"));
        }

        if (distinct.Any(id => _options.All(o => o.Id != id)))
        {
            return (null, new DomainError("poll.unknown_option", "选项不存在。"));
        }

        return (distinct.Select(id => new PollVote(Id, id, memberId, now)).ToList(), null);
    }

    public Result Close(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            return new DomainError("poll.closed", "投票已经截止。");
        }

        ClosedAt = now;
        return Result.Ok;
    }
}

public sealed class PollOption
{
    private PollOption()
    {
        Text = string.Empty;
    }

    internal PollOption(string text, int position)
    {
        Text = text;
        Position = position;
    }

    public int Id { get; private set; }

    public int PollId { get; private set; }

    public string Text { get; private set; }

    public int Position { get; private set; }
}

/// <summary>One chosen option of one member.</summary>
public sealed class PollVote
{
    private PollVote()
    {
    }

    internal PollVote(int pollId, int optionId, int memberId, DateTimeOffset now)
    {
        PollId = pollId;
        OptionId = optionId;
        MemberId = memberId;
        VotedAt = now;
    }

    public long Id { get; private set; }

    public int PollId { get; private set; }

    public int OptionId { get; private set; }

    public int MemberId { get; private set; }

    public DateTimeOffset VotedAt { get; private set; }
}
