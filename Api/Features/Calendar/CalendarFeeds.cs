using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace SmartBranch.Api.Features.Calendar;

internal static class CalendarFeeds
{
    /// <summary>How far back the feed reaches (recent meetings stay visible in the phone's calendar).</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(90);

    /// <summary>How far ahead the feed reaches.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(366);

    /// <summary>The URL secret: 32 random bytes, base64url.</summary>
    public static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only this hash is stored; the secret itself lives in the member's calendar app.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Serialises the items as an iCalendar (RFC 5545) document, times in UTC.</summary>
    public static string Build(string name, IEnumerable<CalendarItem> items, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//SmartBranch//智慧党支部//ZH", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", SmartBranch.Domain.Common.LocalCalendar.Zone.Id);
        foreach (var item in items.OrderBy(i => i.Start))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = item.Uid,
                Summary = item.Summary,
                Description = item.Description,
                Location = item.Location,
                DtStart = Utc(item.Start),
                DtEnd = Utc(item.End),
                DtStamp = Utc(now),
                LastModified = Utc(item.LastModified),
                Sequence = item.Sequence,
                Status = item.Cancelled ? "CANCELLED" : "CONFIRMED",
                Url = item.Url,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, "UTC");
}
