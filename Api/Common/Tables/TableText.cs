using System.Text;
using UtfUnknown;

namespace SmartBranch.Api.Common.Tables;

/// <summary>A sheet that cannot be read for a reason the secretary can fix; the message says what to do.</summary>
public sealed class TableFileException(string message) : Exception(message);

/// <summary>
/// The text of an uploaded CSV, whatever Excel saved it as: UTF-8 with or without a BOM ("CSV UTF-8"),
/// UTF-16 with a BOM ("Unicode 文本"), or GB18030/GBK, which is what Chinese Excel's "CSV (逗号分隔)" writes.
/// Anything else is refused with a message naming the encoding problem, never read as mojibake.
/// </summary>
internal static class TableText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Names UTF.Unknown gives the Chinese encodings; GB18030 is a superset of GBK and GB2312 (HZ is not in files Excel writes).
    private static readonly HashSet<string> ChineseEncodings = new(StringComparer.OrdinalIgnoreCase) { "gb18030", "gb2312", "gbk", "x-cp20936", "cp936", "windows-936" };

    static TableText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            return Strict(StrictUtf8, bytes, 3);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        }

        try
        {
            // Plain ASCII and UTF-8 without a BOM: valid UTF-8 is (almost) never anything else.
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: ask the detector.
        }

        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        if (detected?.EncodingName is { } name && ChineseEncodings.Contains(name))
        {
            return Strict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, 0);
        }

        throw new TableFileException(
            $"无法识别文件的文字编码（检测结果：{detected?.EncodingName ?? "未知"}）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后重新上传。");
    }

    private static string Strict(Encoding encoding, byte[] bytes, int skip)
    {
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new TableFileException($"文件含有 {encoding.WebName} 编码中无效的字节，无法读取。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传。");
        }
    }
}
