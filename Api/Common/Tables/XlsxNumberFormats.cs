using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace SmartBranch.Api.Common.Tables;

/// <summary>
/// The number format of every styled numeric cell on an xlsx file's first sheet, read from the OpenXML
/// parts (MiniExcel gives values, not formats), so a cell reads as Excel shows it: 210023 under
/// <c>0000000</c> is "0210023", 44378 under <c>yyyy"年"m"月"d"日"</c> (or the built-in Chinese date
/// formats 27–36, 50–58) is a date.
/// </summary>
internal sealed partial class XlsxNumberFormats
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new() { CloseInput = true, DtdProcessing = DtdProcessing.Prohibit };

    // Built-in numFmtIds (ECMA-376 §18.8.30) that are numbers; the dates are recognised by id below.
    private static readonly Dictionary<int, string> BuiltInNumbers = new()
    {
        [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%", [11] = "0.00E+00",
        [37] = "#,##0;(#,##0)", [38] = "#,##0;(#,##0)", [39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;(#,##0.00)",
    };

    private readonly Dictionary<(int Row, string Column), string> _formats;

    private XlsxNumberFormats(Dictionary<(int Row, string Column), string> formats) => _formats = formats;

    /// <summary>Reads the formats from the xlsx bytes; a part that is missing or unreadable leaves the values as MiniExcel read them.</summary>
    public static XlsxNumberFormats Read(Stream xlsx)
    {
        var formats = new Dictionary<(int, string), string>();
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        var styles = StyleFormats(zip);
        if (styles.Count > 0 && FirstSheetPath(zip) is { } sheetPath && zip.GetEntry(sheetPath) is { } sheet)
        {
            using var reader = XmlReader.Create(sheet.Open(), Settings);
            while (reader.ReadToFollowing("c", Main))
            {
                var type = reader.GetAttribute("t");
                if (reader.GetAttribute("r") is { } reference && int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style)
                    && type is null or "n" && style < styles.Count && styles[style] is { } format
                    && CellReference().Match(reference) is { Success: true } match)
                {
                    formats[(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[1].Value)] = format;
                }
            }
        }

        return new XlsxNumberFormats(formats);
    }

    /// <summary>
    /// The cell as Excel shows it, for a number under a format; null when the cell has no special format
    /// (the value is then read as it is).
    /// </summary>
    public string? Display(int row, string column, double value)
    {
        if (!_formats.TryGetValue((row, column), out var format))
        {
            return null;
        }

        if (format.StartsWith("date:", StringComparison.Ordinal))
        {
            if (value is < 0 or > 2958465)
            {
                return null;
            }

            var date = DateTime.FromOADate(value);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        try
        {
            return value.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Per cellXfs index: "date:" for a date or time format, a .NET numeric format, or null for General/text.</summary>
    private static List<string?> StyleFormats(ZipArchive zip)
    {
        var result = new List<string?>();
        if (zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return result;
        }

        var custom = new Dictionary<int, string>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main)
            {
                continue;
            }

            if (reader.LocalName == "numFmt" && int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = reader.GetAttribute("formatCode") ?? string.Empty;
            }
            else if (reader.LocalName == "cellXfs")
            {
                using var xfs = reader.ReadSubtree();
                while (xfs.ReadToFollowing("xf", Main))
                {
                    var numFmtId = int.TryParse(xfs.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                    result.Add(Describe(numFmtId, custom));
                }
            }
        }

        return result;
    }

    private static string? Describe(int numFmtId, Dictionary<int, string> custom)
    {
        if (custom.TryGetValue(numFmtId, out var code))
        {
            return Translate(code);
        }

        // 14–22 dates and times; 27–36 and 50–58 the East Asian dates (yyyy"年"m"月"d"日" …); 45–47 times.
        if (numFmtId is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
        {
            return "date:";
        }

        return BuiltInNumbers.GetValueOrDefault(numFmtId);
    }

    /// <summary>An Excel format code as a .NET numeric format ("date:" for dates), or null when there is nothing to apply.</summary>
    private static string? Translate(string code)
    {
        // Only the first section (positive numbers) matters for IDs and dates; literals and [colour]/[locale] go.
        var section = code.Split(';')[0];
        var bare = Quoted().Replace(Brackets().Replace(section, string.Empty), string.Empty);
        if (bare.Length == 0 || bare.Equals("General", StringComparison.OrdinalIgnoreCase) || bare.Contains('@'))
        {
            return null;
        }

        if (bare.Any(c => "yYmMdDhHsS".Contains(c)))
        {
            return "date:";
        }

        // Excel's padding (_x) and fill (*x) have no .NET counterpart; the rest (0 # , . % E+ "…" \x) is read alike.
        var builder = new StringBuilder(section.Length);
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c is '_' or '*')
            {
                i++;
                continue;
            }

            builder.Append(c);
        }

        return Brackets().Replace(builder.ToString(), string.Empty);
    }

    private static string? FirstSheetPath(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        string? relationshipId = null;
        using (var reader = XmlReader.Create(workbook.Open(), Settings))
        {
            if (reader.ReadToFollowing("sheet", Main))
            {
                relationshipId = reader.GetAttribute("id", OfficeRelationships);
            }
        }

        using var relations = XmlReader.Create(rels.Open(), Settings);
        while (relationshipId is not null && relations.Read())
        {
            if (relations.NodeType == XmlNodeType.Element && relations.LocalName == "Relationship" && relations.GetAttribute("Id") == relationshipId)
            {
                var target = relations.GetAttribute("Target") ?? string.Empty;
                return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^([A-Z]+)([0-9]+)$")]
    private static partial Regex CellReference();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"""[^""]*""|\\.")]
    private static partial Regex Quoted();
}
