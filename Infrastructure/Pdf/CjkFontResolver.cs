using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace SmartBranch.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's font source on Linux, where it finds no fonts by itself: every family resolves to one CJK
/// font file. Debian's fonts-noto-cjk ships TrueType collections (.ttc), which PDFsharp 6 cannot read, so the
/// Simplified Chinese face is cut out of the collection into a single OpenType font (table directory
/// rewritten, tables copied). PDFsharp embeds CFF-outline fonts whole (it subsets TrueType outlines only),
/// which makes each letter about 13 MB with Noto Sans CJK; a TrueType-outline CJK font in
/// <c>Letters:FontPath</c> gives small files.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    /// <summary>The one face name this resolver serves.</summary>
    public const string FaceName = "SmartBranchCjk";

    /// <summary>Where Debian/Ubuntu (fonts-noto-cjk) and common images put a CJK font, tried in order.</summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private readonly byte[] _font;

    private CjkFontResolver(byte[] font) => _font = font;

    /// <summary>
    /// The resolver over <paramref name="configuredPath"/> or the first candidate found, or the reason there is
    /// none (install fonts-noto-cjk or set Letters:FontPath).
    /// </summary>
    public static (CjkFontResolver? Resolver, string? Problem) Load(string? configuredPath)
    {
        var path = string.IsNullOrWhiteSpace(configuredPath) ? Candidates.FirstOrDefault(File.Exists) : configuredPath;
        if (path is null || !File.Exists(path))
        {
            return (null, $"No CJK font found (looked at {(string.IsNullOrWhiteSpace(configuredPath) ? string.Join(", ", Candidates) : configuredPath)}). Install the Debian package fonts-noto-cjk or set Letters:FontPath to a .ttf/.otf/.ttc CJK font.");
        }

        var bytes = File.ReadAllBytes(path);
        return (new CjkFontResolver(IsCollection(bytes) ? ExtractFace(bytes, SimplifiedChineseIndex(bytes)) : bytes), null);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(FaceName);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _font : null;

    private static bool IsCollection(byte[] bytes) => bytes.Length > 12 && bytes[0] == (byte)'t' && bytes[1] == (byte)'t' && bytes[2] == (byte)'c' && bytes[3] == (byte)'f';

    /// <summary>The face whose name table says "SC" (Noto CJK order: JP, KR, SC, TC, HK); the first face otherwise.</summary>
    private static int SimplifiedChineseIndex(byte[] ttc)
    {
        var count = BinaryPrimitives.ReadInt32BigEndian(ttc.AsSpan(8));
        for (var i = 0; i < count; i++)
        {
            if (FamilyNameOf(ttc, FaceOffset(ttc, i)).Contains(" SC", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    private static int FaceOffset(byte[] ttc, int index) => (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(12 + (4 * index)));

    /// <summary>The family name (name id 1, Windows Unicode) of the face at <paramref name="offset"/>.</summary>
    private static string FamilyNameOf(byte[] file, int offset)
    {
        var span = file.AsSpan();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 4)..]);
        for (var t = 0; t < tables; t++)
        {
            var record = offset + 12 + (16 * t);
            if (System.Text.Encoding.ASCII.GetString(file, record, 4) != "name")
            {
                continue;
            }

            var table = (int)BinaryPrimitives.ReadUInt32BigEndian(span[(record + 8)..]);
            var count = BinaryPrimitives.ReadUInt16BigEndian(span[(table + 2)..]);
            var strings = table + BinaryPrimitives.ReadUInt16BigEndian(span[(table + 4)..]);
            for (var n = 0; n < count; n++)
            {
                var entry = table + 6 + (12 * n);
                var platform = BinaryPrimitives.ReadUInt16BigEndian(span[entry..]);
                var nameId = BinaryPrimitives.ReadUInt16BigEndian(span[(entry + 6)..]);
                if (platform == 3 && nameId == 1)
                {
                    var length = BinaryPrimitives.ReadUInt16BigEndian(span[(entry + 8)..]);
                    var start = strings + BinaryPrimitives.ReadUInt16BigEndian(span[(entry + 10)..]);
                    return System.Text.Encoding.BigEndianUnicode.GetString(file, start, length);
                }
            }
        }

        return string.Empty;
    }

    /// <summary>One face of a collection as a standalone font: its table directory with offsets rewritten, then its tables.</summary>
    private static byte[] ExtractFace(byte[] ttc, int index)
    {
        var span = ttc.AsSpan();
        var offset = FaceOffset(ttc, index);
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 4)..]);
        var headerLength = 12 + (16 * tableCount);
        var tables = new List<(int Offset, int Length)>(tableCount);
        for (var t = 0; t < tableCount; t++)
        {
            var record = offset + 12 + (16 * t);
            tables.Add(((int)BinaryPrimitives.ReadUInt32BigEndian(span[(record + 8)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(span[(record + 12)..])));
        }

        var result = new byte[headerLength + tables.Sum(t => (t.Length + 3) & ~3)];
        span.Slice(offset, headerLength).CopyTo(result);
        var position = headerLength;
        for (var t = 0; t < tables.Count; t++)
        {
            span.Slice(tables[t].Offset, tables[t].Length).CopyTo(result.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(12 + (16 * t) + 8), (uint)position);
            position += (tables[t].Length + 3) & ~3;
        }

        return result;
    }
}
