namespace SmartBranch.Api.Common;

/// <summary>
/// One event in a member's calendar feed. The uid stays the same across changes (e.g. meeting-12@smartbranch)
/// and the sequence grows with each change, so calendar apps update the event rather than duplicate it.
/// </summary>
public sealed record CalendarItem(
    string Uid,
    string Summary,
    string? Description,
    string? Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool Cancelled,
    int Sequence,
    DateTimeOffset LastModified,
    Uri? Url = null);

/// <summary>
/// A source of events for the personal calendar feed. Meetings are one; activities add another
/// implementation and register it, and the feed picks it up.
/// </summary>
public interface ICalendarSource
{
    /// <summary>The member's events starting in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<CalendarItem>> ItemsAsync(int memberId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
