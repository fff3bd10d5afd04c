namespace SmartBranch.Domain.Common;

/// <summary>
/// The organisation works on China Standard Time (UTC+8): "today", months and quarters are counted there,
/// whatever the server's own time zone is.
/// </summary>
public static class LocalCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// <summary>The instant a local day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
