using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Messaging;

/// <summary>Keyword types of subscription-message templates; the key's prefix decides the type (<c>thing1</c>, <c>time2</c> …).</summary>
public enum KeywordType
{
    [Label("事物")]
    Thing,
    [Label("数字")]
    Number,
    [Label("字母")]
    Letter,
    [Label("符号")]
    Symbol,
    [Label("字符串")]
    CharacterString,
    [Label("时间")]
    Time,
    [Label("日期")]
    Date,
    [Label("金额")]
    Amount,
    [Label("电话")]
    PhoneNumber,
    [Label("车牌")]
    CarNumber,
    [Label("姓名")]
    Name,
    [Label("汉字")]
    Phrase,
}

/// <summary>A keyword value ready to send, or why it cannot be sent (in WeChat's words: "is empty", "invalid").</summary>
public readonly record struct KeywordValue(string Value, string? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// The value limits of subscription-message keywords (Infrastructure/WeChat/README.md §3). <see cref="Check"/> says whether
/// WeChat would take a value; <see cref="Prepare"/> shortens values where the type allows it (thing, name,
/// phrase, character_string) and checks the rest. How WeChat counts an emoji is not documented (§3,
/// UNVERIFIED), so <see cref="Length"/> counts the most it could: a user-perceived character weighs its
/// UTF-16 code units (a Chinese character or letter 1, an emoji 2, a family emoji up to 11). A value
/// within the limit here is within it however WeChat counts; cuts fall between whole characters (<see cref="TextCut"/>).
/// </summary>
public static partial class Keywords
{
    public const int ThingMaxLength = 20;
    public const int PhraseMaxLength = 5;
    public const int CharacterStringMaxLength = 32;
    public const int NumberMaxDigits = 32;
    public const int LetterMaxLength = 32;
    public const int SymbolMaxLength = 5;
    public const int PhoneNumberMaxLength = 17;
    public const int CarNumberMaxLength = 8;
    public const int NameMaxChinese = 10;
    public const int NameMaxLatin = 20;

    private const string Ellipsis = TextCut.Ellipsis;

    private static readonly (string Prefix, KeywordType Type)[] Prefixes =
    [
        ("character_string", KeywordType.CharacterString),
        ("phone_number", KeywordType.PhoneNumber),
        ("car_number", KeywordType.CarNumber),
        ("thing", KeywordType.Thing),
        ("number", KeywordType.Number),
        ("letter", KeywordType.Letter),
        ("symbol", KeywordType.Symbol),
        ("time", KeywordType.Time),
        ("date", KeywordType.Date),
        ("amount", KeywordType.Amount),
        ("name", KeywordType.Name),
        ("phrase", KeywordType.Phrase),
    ];

    /// <summary>The type of a keyword such as <c>thing1</c> or <c>character_string12</c>; null when the prefix is unknown (e.g. <c>enum</c>, which needs the template's list).</summary>
    public static KeywordType? TypeOf(string keyword)
    {
        // A span, not a trimmed string: the dispatcher asks for every keyword of every message.
        var prefix = keyword.AsSpan().TrimEnd("0123456789");
        if (prefix.Length == keyword.Length || prefix.Length == 0)
        {
            return null;
        }

        foreach (var (name, type) in Prefixes)
        {
            if (prefix.SequenceEqual(name))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Null when WeChat would take <paramref name="value"/> for a keyword of <paramref name="type"/>; otherwise "is empty" or "invalid".</summary>
    public static string? Check(KeywordType type, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || char.IsWhiteSpace(value[0]))
        {
            // Forum reports: empty values and leading spaces are refused as "is empty".
            return "is empty";
        }

        var valid = type switch
        {
            KeywordType.Thing => Length(value) <= ThingMaxLength,
            KeywordType.Number => NumberPattern().IsMatch(value) && value.Count(char.IsAsciiDigit) <= NumberMaxDigits,
            KeywordType.Letter => value.Length <= LetterMaxLength && value.All(char.IsAsciiLetter),
            KeywordType.Symbol => Length(value) <= SymbolMaxLength && value.All(IsSymbol),
            KeywordType.CharacterString => value.Length <= CharacterStringMaxLength && value.All(IsCharacterStringChar),
            KeywordType.Time => IsRange(value, TimePattern()),
            KeywordType.Date => IsRange(value, DatePattern()),
            KeywordType.Amount => AmountPattern().IsMatch(value),
            KeywordType.PhoneNumber => value.Length <= PhoneNumberMaxLength && value.All(c => char.IsAsciiDigit(c) || IsSymbol(c)),
            KeywordType.CarNumber => IsCarNumber(value),
            KeywordType.Name => IsName(value),
            KeywordType.Phrase => Length(value) <= PhraseMaxLength && value.All(IsChinese),
            _ => false,
        };
        return valid ? null : "invalid";
    }

    /// <summary>
    /// Turns a text into a value of <paramref name="type"/>: thing and name are cut (thing with "…"), phrase
    /// keeps its first Chinese characters, character_string its first printable ASCII characters; whitespace
    /// runs become one space. Other types are only checked: their values must be made right by the caller.
    /// </summary>
    public static KeywordValue Prepare(KeywordType type, string? text)
    {
        var value = Collapse(text ?? string.Empty);
        value = type switch
        {
            KeywordType.Thing => Cut(value, ThingMaxLength, Ellipsis),
            KeywordType.Name => Cut(value, IsLatinName(value) ? NameMaxLatin : NameMaxChinese, string.Empty),
            KeywordType.Phrase => new string(value.Where(IsChinese).Take(PhraseMaxLength).ToArray()),
            KeywordType.CharacterString => new string(value.Where(IsCharacterStringChar).Take(CharacterStringMaxLength).ToArray()),
            _ => value,
        };
        return new KeywordValue(value, Check(type, value));
    }

    /// <summary>A time value as the mini-program shows it, in China time: <c>2026年3月2日 09:00</c>.</summary>
    public static string FormatTime(DateTimeOffset instant)
    {
        var local = LocalCalendar.ToLocal(instant);
        return local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A date value in China time: <c>2026年3月2日</c>.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        LocalCalendar.ToLocal(instant).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value's length as WeChat may count it: each user-perceived character weighs its UTF-16 code units ("学" 1, "😀" 2).
    /// The user-perceived characters cover the text end to end, so their weights add up to the text's UTF-16 length:
    /// no grapheme enumeration is needed to measure (the reminder dispatcher measures every keyword of every message).
    /// </summary>
    public static int Length(string value) => value.Length;

    /// <summary>
    /// What <see cref="TextCut.Shorten"/> does with this weight (a character weighs its UTF-16 code units): the text
    /// itself when it fits; otherwise its longest prefix of whole user-perceived characters within
    /// <paramref name="max"/> less the marker, trailing spaces removed, then the marker. Graphemes are found only when
    /// a cut is needed, over the span, without a string per character.
    /// </summary>
    private static string Cut(string value, int max, string marker)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var budget = max - marker.Length;
        if (budget <= 0)
        {
            return string.Empty;
        }

        var end = 0;
        while (end < value.Length)
        {
            var next = StringInfo.GetNextTextElementLength(value.AsSpan(end));
            if (end + next > budget)
            {
                break;
            }

            end += next;
        }

        return string.Concat(value.AsSpan(0, end).TrimEnd(), marker);
    }

    private static string Collapse(string text)
    {
        if (!NeedsCollapse(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="Collapse"/> would change <paramref name="text"/>: edge whitespace, or a control or non-space whitespace character, or two spaces in a row.</summary>
    private static bool NeedsCollapse(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsWhiteSpace(c) || char.IsControl(c)) && (c != ' ' || text[i + 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRange(string value, Regex part)
    {
        var parts = value.Split('~');
        return parts.Length <= 2 && parts.All(p => part.IsMatch(p.Trim()));
    }

    private static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static bool IsSymbol(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    private static bool IsCharacterStringChar(char c) => c is > ' ' and < '\u007F';

    private static bool IsCarNumber(string value)
    {
        if (value.Length > CarNumberMaxLength || value.Length < 2)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var edge = i == 0 || i == value.Length - 1;
            if (!(char.IsAsciiLetterOrDigit(value[i]) || (edge && IsChinese(value[i]))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsName(string value)
    {
        // Pure Latin (letters and symbols) may be 20 long; anything else counts as Chinese (10).
        return IsLatinName(value) ? value.Length <= NameMaxLatin : Length(value) <= NameMaxChinese;
    }

    private static bool IsLatinName(string value) => value.All(c => char.IsAsciiLetter(c) || c == ' ' || IsSymbol(c) && c < 0x80);

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^((\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}) ?)?([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})( ?([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$")]
    private static partial Regex AmountPattern();
}
