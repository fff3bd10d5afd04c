using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace SmartBranch.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's font source on Linux, where it finds no fonts by itself: every family resolves to one CJK
/// font file. PDFsharp 6 subsets only TrueType-outline fonts (<c>PdfFontEmbedding.TryComputeSubset</c>: "OpenType
/// font files with PostScript outline are embedded as they are"), so the first choice is Debian's
/// fonts-wqy-microhei (TrueType outlines): a one-page PDF then carries only the glyphs it uses (tens of KB) instead
/// of the whole font. Noto Sans/Serif CJK (fonts-noto-cjk, CFF outlines) is the fallback and makes every PDF about
/// 16 MB. Both packages ship TrueType collections (.ttc), which PDFsharp 6 cannot read, so one face is cut out of
/// the collection into a single font (table directory rewritten, tables copied). See README.md beside this file.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    /// <summary>The one face name this resolver serves.</summary>
    public const string FaceName = "SmartBranchCjk";

    /// <summary>
    /// Where Debian/Ubuntu and common images put a CJK font, tried in order: TrueType-outline fonts first (PDFsharp
    /// subsets them), then Noto CJK (CFF outlines, embedded whole).
    /// </summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private readonly byte[] _font;

    private CjkFontResolver(byte[] font, string path)
    {
        _font = font;
        FontPath = path;
        Subsettable = HasTable(font, 0, "glyf");
    }

    /// <summary>The font file in use.</summary>
    public string FontPath { get; }

    /// <summary>True when the face has TrueType outlines (a <c>glyf</c> table), which PDFsharp embeds as a subset of the glyphs used.</summary>
    public bool Subsettable { get; }

    /// <summary>
    /// The resolver over <paramref name="configuredPath"/> or the first candidate found, or the reason there is
    /// none (install fonts-noto-cjk or set Letters:FontPath).
    /// </summary>
    public static (CjkFontResolver? Resolver, string? Problem) Load(string? configuredPath)
    {
        var path = string.IsNullOrWhiteSpace(configuredPath) ? Candidates.FirstOrDefault(File.Exists) : configuredPath;
        if (path is null || !File.Exists(path))
        {
            return (null, $"No CJK font found (looked at {(string.IsNullOrWhiteSpace(configuredPath) ? string.Join(", ", Candidates) : configuredPath)}). Install the Debian package fonts-wqy-microhei (or fonts-noto-cjk) or set Letters:FontPath to a .ttf/.otf/.ttc CJK font.");
        }

        var bytes = File.ReadAllBytes(path);
        return (new CjkFontResolver(IsCollection(bytes) ? ExtractFace(bytes, SimplifiedChineseIndex(bytes)) : bytes, path), null);
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

    /// <summary>True when the font whose table directory starts at <paramref name="offset"/> has a table tagged <paramref name="tag"/>.</summary>
    private static bool HasTable(byte[] file, int offset, string tag)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        for (var t = 0; t < tables; t++)
        {
            if (System.Text.Encoding.ASCII.GetString(file, offset + 12 + (16 * t), 4) == tag)
            {
                return true;
            }
        }

        return false;
    }

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
