namespace SmartBranch.Domain.Meetings;

/// <summary>One published version of the minutes; never changed after it is written.</summary>
public sealed class MinutesRevision
{
    private MinutesRevision()
    {
        Content = string.Empty;
    }

    internal MinutesRevision(int number, string content, int authorId, DateTimeOffset at)
    {
        Number = number;
        Content = content;
        AuthorId = authorId;
        At = at;
    }

    public long Id { get; private set; }

    public int MinutesId { get; private set; }

    /// <summary>1 for the first publication, then 2, 3 …</summary>
    public int Number { get; private set; }

    public string Content { get; private set; }

    public int AuthorId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
