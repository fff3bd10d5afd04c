namespace SmartBranch.Domain.Common;

/// <summary>
/// The organisation's time zone (China Standard Time unless configured otherwise): "today", months and
/// quarters are counted there, a time written without an offset is read there, and every date shown,
/// exported, put in a calendar feed or a WeChat message is in it, whatever the server's own zone is.
/// The zone is set once at start-up (<see cref="Use"/>); nothing here reads <see cref="TimeZoneInfo.Local"/>.
/// </summary>
public static class LocalCalendar
{
    /// <summary>The zone used when none is configured.</summary>
    public const string DefaultZoneId = "Asia/Shanghai";

    /// <summary>China has kept UTC+8 without daylight saving since 1991; used when the host has no time zone data.</summary>
    private static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>The organisation's zone.</summary>
    public static TimeZoneInfo Zone { get; private set; } = Find(DefaultZoneId) ?? ChinaStandardTime;

    /// <summary>Sets the organisation's zone for the process (called once at start-up).</summary>
    public static void Use(TimeZoneInfo zone) => Zone = zone;

    /// <summary>
    /// The zone with an IANA or Windows id; <c>Asia/Shanghai</c> always resolves (fixed UTC+8 when the host
    /// lacks time zone data); null for an unknown id.
    /// </summary>
    public static TimeZoneInfo? Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return id is DefaultZoneId or "China Standard Time" or "PRC" ? ChinaStandardTime : null;
        }
    }

    /// <summary>The same instant with the organisation's offset (unchanged at the very ends of the calendar, where the offset would overflow it).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant)
    {
        var offset = Zone.GetUtcOffset(instant);
        var utc = instant.UtcDateTime;
        var fits = offset >= TimeSpan.Zero ? utc <= DateTime.MaxValue - offset : utc >= DateTime.MinValue - offset;
        return fits ? instant.ToOffset(offset) : instant;
    }

    /// <summary>The instant a wall-clock time in the organisation's zone stands for (its kind is ignored).</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock) =>
        TryFromLocal(wallClock, out var instant) ? instant : throw new ArgumentOutOfRangeException(nameof(wallClock), "The time is outside the calendar in the organisation's zone.");

    /// <summary>False for a wall-clock time whose instant would fall outside the calendar (0001-01-01 00:00 at UTC+8).</summary>
    public static bool TryFromLocal(DateTime wallClock, out DateTimeOffset instant)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        var fits = offset >= TimeSpan.Zero ? unspecified >= DateTime.MinValue + offset : unspecified <= DateTime.MaxValue + offset;
        instant = fits ? new DateTimeOffset(unspecified, offset) : default;
        return fits;
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// <summary>The instant a local day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));
}
