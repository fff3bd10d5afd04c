using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;
using ExcelType = MiniExcelLibs.ExcelType;

namespace SmartBranch.Api.Common.Tables;

/// <summary>The two spreadsheet formats secretaries exchange: xlsx (Excel) and csv.</summary>
public enum TableFormat
{
    Xlsx,
    Csv,
}

/// <summary>A data row read from an uploaded sheet. <see cref="RowNumber"/> is what a secretary sees in Excel (header = row 1).</summary>
public sealed record TableRow(int RowNumber, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The trimmed cell under <paramref name="header"/>, or empty.</summary>
    public string this[string header] => Cells.TryGetValue(header, out var value) ? value : string.Empty;
}

/// <summary>
/// Reading and writing simple sheets: a header row, then one record per row. The one pipeline every
/// import and export goes through, so a record entered once can be exported many times: reading detects
/// a CSV's encoding (<see cref="TableText"/>) and reads xlsx cells as Excel shows them
/// (<see cref="XlsxNumberFormats"/>: leading zeros, dates in any format); writing keeps text from running
/// as a formula (<see cref="TableCells.Neutralize"/>). Cell normalisation of codes and dates: <see cref="TableCells"/>.
/// </summary>
public static class TableFile
{
    public static string ContentType(TableFormat format) => format == TableFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string Extension(TableFormat format) => format == TableFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>Parses "xlsx" / "csv" (any case); null for anything else.</summary>
    public static TableFormat? ParseFormat(string? value) => value?.ToLowerInvariant() switch
    {
        "xlsx" => TableFormat.Xlsx,
        "csv" => TableFormat.Csv,
        _ => null,
    };

    /// <summary>
    /// Writes the rows under the given headers. CSV carries a UTF-8 BOM so Excel shows Chinese correctly;
    /// text starting with =, +, -, @, tab or CR is written with a leading apostrophe (formula injection).
    /// </summary>
    public static byte[] Write(TableFormat format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        if (format == TableFormat.Csv)
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            writer.Write(string.Join(',', headers.Select(Quote)) + "\r\n");
            foreach (var row in rows)
            {
                writer.Write(string.Join(',', row.Select(v => Quote(Format(v)))) + "\r\n");
            }
        }
        else
        {
            var records = rows.Select(row =>
            {
                var record = new Dictionary<string, object?>();
                for (var i = 0; i < headers.Count; i++)
                {
                    record[headers[i]] = Format(i < row.Count ? row[i] : null);
                }

                return record;
            }).ToList();
            // MiniExcel learns the columns from the records; with none, write the header row as the only record.
            var printHeader = records.Count > 0;
            if (!printHeader)
            {
                records.Add(headers.ToDictionary(h => h, h => (object?)h));
            }

            MiniExcel.SaveAs(stream, records, printHeader: printHeader, excelType: ExcelType.XLSX);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Reads every data row below the header row. Blank rows are skipped but keep their numbers.
    /// Throws <see cref="TableFileException"/> (with a message for the secretary) for a CSV in an encoding it cannot tell.
    /// </summary>
    public static IReadOnlyList<TableRow> Read(Stream content, TableFormat format)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        XlsxNumberFormats? formats = null;
        if (format == TableFormat.Xlsx)
        {
            using var styles = new MemoryStream(bytes, writable: false);
            formats = XlsxNumberFormats.Read(styles);
        }
        else
        {
            // MiniExcel reads UTF-8; the text is handed over re-encoded whatever the file was saved as.
            bytes = Encoding.UTF8.GetBytes(TableText.Decode(bytes));
        }

        using var source = new MemoryStream(bytes, writable: false);
        var rows = MiniExcel.Query(source, useHeaderRow: false, excelType: format == TableFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var columns = rows[0].Keys.ToList();
        var headers = columns.Select(c => Cell(rows[0][c]).TrimStart('\uFEFF')).ToList();
        var result = new List<TableRow>();
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < columns.Count; c++)
            {
                if (headers[c].Length > 0)
                {
                    var value = rows[i].TryGetValue(columns[c], out var v) ? v : null;
                    cells[headers[c]] = TableCells.Restore(Shown(formats, i + 1, columns[c], value) ?? Cell(value));
                }
            }

            if (cells.Values.Any(v => v.Length > 0))
            {
                result.Add(new TableRow(i + 1, cells));
            }
        }

        return result;
    }

    /// <summary>A number under a number format, as Excel shows it; null for every other cell.</summary>
    private static string? Shown(XlsxNumberFormats? formats, int row, string column, object? value) =>
        formats is null ? null
        : value switch
        {
            double n => formats.Display(row, column, n),
            decimal n => formats.Display(row, column, (double)n),
            int n => formats.Display(row, column, n),
            long n => formats.Display(row, column, n),
            string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => formats.Display(row, column, n),
            _ => null,
        };

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        double n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset t => SmartBranch.Domain.Common.LocalCalendar.ToLocal(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => TableCells.Neutralize(value.ToString() ?? string.Empty),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
