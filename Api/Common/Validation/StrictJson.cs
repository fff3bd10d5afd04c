using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Common.Validation;

/// <summary>
/// The window every date the API accepts must lie in: 1900-01-01 to 2100-12-31 (in the value's own offset).
/// Nothing the organisation records (birth dates, joining dates, terms, meetings, activities) lies outside it,
/// and refusing the rest keeps date arithmetic (terms, reminder slots, calendar feeds) away from
/// <see cref="DateTime.MinValue"/> and <see cref="DateTime.MaxValue"/>.
/// </summary>
public static class DateWindow
{
    public const int FirstYear = 1900;

    public const int LastYear = 2100;

    public const string Message = "日期超出允许范围，请填写1900年至2100年之间的日期。";

    public static bool Contains(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>True for a date (or date-time) argument outside the window; false for anything else.</summary>
    public static bool IsOutside(object? value) => value switch
    {
        DateOnly d => !Contains(d.Year),
        DateTime d => !Contains(d.Year),
        DateTimeOffset d => !Contains(d.Year),
        _ => false,
    };
}

/// <summary>A JSON value the API refuses; the message is Chinese and shown to the user as it is.</summary>
public sealed class RefusedJsonValueException(string detail, Exception? inner = null) : JsonException(detail, inner)
{
    public string Detail { get; } = detail;
}

/// <summary>
/// JSON rules every request body goes through, whatever the endpoint: an enum is one of its names (as
/// Api/openapi.json publishes it), so a number (<c>1</c>, <c>"1"</c>) or a name the enum does not have is refused,
/// values and dictionary keys alike; and dates outside <see cref="DateWindow"/> are refused. The refusal
/// becomes a 400 ValidationProblem keyed by the JSON path (see ErrorHandling).
/// </summary>
public static class StrictJson
{
    private static readonly ConcurrentDictionary<Type, string> EnumRefusals = new();

    /// <summary>
    /// The refusal of a value <paramref name="enumType"/> does not have as a name, listing what it has as a person reads
    /// it: each member's Chinese label (<see cref="LabelAttribute"/>) with the name to send in brackets,
    /// <c>取值无效，可选值为：在职（Salaried）、离退休（Retired）…。</c> Body values (the converter below) and route and
    /// query values (<see cref="ArgumentRules"/>) are refused with it; made once per enum.
    /// </summary>
    public static string EnumRefusal(Type enumType) => EnumRefusals.GetOrAdd(enumType, static type =>
        $"取值无效，可选值为：{string.Join("、", EnumLabels.Members(type).Select(m => m.Label is null ? m.Name : $"{m.Label}（{m.Name}）"))}。");

    /// <summary>Puts the strict converters first, so they see every enum and date before any other converter.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Insert(0, new StrictEnumConverterFactory());
        options.Converters.Insert(0, new DateWindowConverterFactory());
    }

    /// <summary>Reads and writes enums as their names, refusing numbers and names the enum does not define.</summary>
    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        // The contract publishes names only; a number, even a defined one, is outside it.
        private readonly JsonStringEnumConverter _strings = new(namingPolicy: null, allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert), _strings.CreateConverter(typeToConvert, options))!;

        private sealed class Strict<T>(JsonConverter inner) : JsonConverter<T>
            where T : struct, Enum
        {
            private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

            private static string Refusal => EnumRefusal(typeof(T));

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                T value;
                try
                {
                    value = _inner.Read(ref reader, typeToConvert, options);
                }
                catch (JsonException ex) when (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    // A number, or a name the enum does not have: say which values it has (labels and names).
                    throw new RefusedJsonValueException(Refusal, ex);
                }

                return IsName(value, ref reader) ? value : throw new RefusedJsonValueException(Refusal);
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);

            public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                T value;
                try
                {
                    value = _inner.ReadAsPropertyName(ref reader, typeToConvert, options);
                }
                catch (JsonException ex)
                {
                    throw new RefusedJsonValueException(Refusal, ex);
                }

                return IsName(value, ref reader) ? value : throw new RefusedJsonValueException(Refusal);
            }

            /// <summary>
            /// True when the value is defined and was written as a name: enum parsing reads a string of digits
            /// (<c>"1"</c>, <c>" -1"</c>) as the number whatever the converter allows, and no name starts with one.
            /// </summary>
            private static bool IsName(T value, ref Utf8JsonReader reader) =>
                Enum.IsDefined(value) && !(reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && StartsLikeANumber(ref reader));

            private static bool StartsLikeANumber(ref Utf8JsonReader reader)
            {
                ReadOnlySpan<byte> text = reader.HasValueSequence || reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
                text = text.TrimStart(" \t\r\n"u8);
                return !text.IsEmpty && (char.IsAsciiDigit((char)text[0]) || text[0] is (byte)'-' or (byte)'+');
            }

            public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.WriteAsPropertyName(writer, value, options);
        }
    }

    /// <summary>
    /// Wraps whatever converter would otherwise read a date (the default, or a time-zone aware one registered
    /// later), and refuses the value when it lies outside <see cref="DateWindow"/>.
    /// </summary>
    private sealed class DateWindowConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert == typeof(DateOnly) || typeToConvert == typeof(DateTime) || typeToConvert == typeof(DateTimeOffset);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            var others = new JsonSerializerOptions(options);
            others.Converters.Remove(others.Converters.First(c => c is DateWindowConverterFactory));
            var inner = others.GetConverter(typeToConvert);
            return (JsonConverter)Activator.CreateInstance(typeof(Windowed<>).MakeGenericType(typeToConvert), inner)!;
        }

        private sealed class Windowed<T>(JsonConverter inner) : JsonConverter<T>
        {
            private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                T? value;
                try
                {
                    value = _inner.Read(ref reader, typeToConvert, options);
                }
                catch (Exception ex) when (ex is JsonException or FormatException && reader.TokenType == JsonTokenType.String && IsOutsideYear(reader.GetString()))
                {
                    // "0001-01-01T00:00:00+08:00" is year 0 in UTC and unreadable; it is still a date outside the window.
                    throw new RefusedJsonValueException(DateWindow.Message, ex);
                }

                return DateWindow.IsOutside(value) ? throw new RefusedJsonValueException(DateWindow.Message) : value!;
            }

            private static bool IsOutsideYear(string? text) =>
                text is { Length: >= 4 } && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && !DateWindow.Contains(year);

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);
        }
    }
}
