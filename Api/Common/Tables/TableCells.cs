using System.Globalization;
using System.Text;

namespace SmartBranch.Api.Common.Tables;

/// <summary>
/// How cell text from a secretary's spreadsheet is read: codes (学工号, phone numbers) in their normal form,
/// dates in every form Chinese Excel writes, and how exported text is kept from running as a formula.
/// </summary>
public static class TableCells
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd",
        "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy.M.d H:mm", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日 H时m分",
        "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss",
    ];

    /// <summary>
    /// A code as it is meant: NFKC (full-width <c>１３８</c> becomes <c>138</c>) and without any whitespace or
    /// invisible character (spaces, NBSP, ideographic space, zero-width space, BOM) anywhere in it.
    /// </summary>
    public static string NormalizeCode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads a date cell: empty is a valid "no date"; otherwise 2021-07-01, 2021/7/1, 2021.07.01, 2021年7月1日,
    /// 20210701 (full-width digits too, a time after it ignored). Serial numbers are turned into dates when
    /// the sheet is read (<see cref="TableFile.Read"/>), by the cell's number format.
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly? date)
    {
        date = null;
        var value = text.Normalize(NormalizationForm.FormKC).Trim();
        if (value.Length == 0)
        {
            return true;
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Text for an exported cell: one that a spreadsheet would run as a formula (starting with =, +, -, @,
    /// tab or carriage return; OWASP "CSV injection") gets a leading apostrophe, so it shows as text.
    /// </summary>
    public static string Neutralize(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Undoes <see cref="Neutralize"/> on import, so an exported sheet imports back unchanged.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;
}
