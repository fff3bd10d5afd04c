using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Common.Time;

/// <summary>The organisation's settings (section "Organization").</summary>
public sealed class OrganizationOptions
{
    public const string SectionName = "Organization";

    /// <summary>
    /// The organisation's time zone, an IANA id (<c>Asia/Shanghai</c>, the default) or a Windows id.
    /// Times sent without an offset are read in it; every date the API shows, exports or sends is in it.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = LocalCalendar.DefaultZoneId;
}

/// <summary>
/// The one rule for date-times in the API: a value with an offset (<c>Z</c>, <c>+08:00</c>) is that
/// instant; a value without one (<c>2026-12-10T09:00:00</c>, <c>2026-12-10</c>) is a wall-clock time in
/// the organisation's zone. Responses carry the organisation's offset (<c>2026-12-10T09:00:00+08:00</c>).
/// Registered once for every JSON body, so no handler sees an unzoned time.
/// </summary>
public sealed class OrganizationTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date-time must be an ISO 8601 string.");
        }

        // Without an offset System.Text.Json reports an unspecified kind: that is the organisation's wall clock.
        if (reader.TryGetDateTime(out var wallClock) && wallClock.Kind == DateTimeKind.Unspecified)
        {
            return LocalCalendar.TryFromLocal(wallClock, out var local) ? local : throw new JsonException("The date-time is outside the calendar.");
        }

        if (reader.TryGetDateTimeOffset(out var instant))
        {
            return instant;
        }

        throw new JsonException("A date-time must be an ISO 8601 string.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalCalendar.ToLocal(value));
}

public static class OrganizationTime
{
    /// <summary>Reads <see cref="OrganizationOptions"/>, sets the organisation's zone and reads/writes every JSON date-time in it.</summary>
    public static IServiceCollection AddOrganizationTime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => LocalCalendar.Find(o.TimeZone) is not null, "Organization:TimeZone is not a time zone this host knows (use an IANA id such as Asia/Shanghai).")
            .ValidateOnStart();
        var id = configuration[$"{OrganizationOptions.SectionName}:{nameof(OrganizationOptions.TimeZone)}"];
        if (!string.IsNullOrWhiteSpace(id) && LocalCalendar.Find(id) is { } zone)
        {
            LocalCalendar.Use(zone);
        }

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new OrganizationTimeConverter()));
        return services;
    }
}
