using System.Globalization;
using System.Text;

namespace SmartBranch.Domain.Common;

/// <summary>
/// The one way text is shortened (feed excerpts, big-screen titles, WeChat message values): it cuts between
/// user-perceived characters (grapheme clusters, <see cref="StringInfo"/>), so an emoji, a flag or a letter
/// with its combining accent is kept whole or dropped whole, never left as U+FFFD or half a surrogate pair.
/// </summary>
public static class TextCut
{
    public const string Ellipsis = "…";

    /// <summary>How long <paramref name="text"/> is when each user-perceived character weighs <paramref name="weigh"/> (default 1).</summary>
    public static int Length(string text, Func<string, int>? weigh = null)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            length += weigh?.Invoke(elements.GetTextElement()) ?? 1;
        }

        return length;
    }

    /// <summary>
    /// <paramref name="text"/> when it is at most <paramref name="max"/> long; otherwise its first whole
    /// characters followed by <paramref name="marker"/>, the two together at most <paramref name="max"/> long.
    /// Lengths are measured with <paramref name="weigh"/> per user-perceived character (default 1 each).
    /// </summary>
    public static string Shorten(string text, int max, string marker = Ellipsis, Func<string, int>? weigh = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (Length(text, weigh) <= max)
        {
            return text;
        }

        var budget = max - Length(marker, weigh);
        if (budget <= 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var weight = weigh?.Invoke(element) ?? 1;
            if (used + weight > budget)
            {
                break;
            }

            builder.Append(element);
            used += weight;
        }

        return builder.ToString().TrimEnd() + marker;
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxUtf16"/> UTF-16 code units (a column's length), ending
    /// on a whole user-perceived character, with no marker: for text that is stored, not shown shortened.
    /// </summary>
    public static string Fit(string text, int maxUtf16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxUtf16);
        if (text.Length <= maxUtf16)
        {
            return text;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= maxUtf16)
        {
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return text[..end];
    }

    /// <summary>
    /// Splits <paramref name="text"/> into pieces of at most <paramref name="maxUtf16"/> UTF-16 code units,
    /// each ending on a whole user-perceived character (for services that limit a request's text).
    /// </summary>
    public static IEnumerable<string> Pieces(string text, int maxUtf16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUtf16, 1);
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && piece.Length + element.Length > maxUtf16)
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(element);
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }
}
