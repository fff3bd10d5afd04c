using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace SmartBranch.Infrastructure.Pdf;

/// <summary>
/// Installs <see cref="CjkFontResolver"/> as PDFsharp's process-wide font resolver, once, for every printer (transfer
/// letters, meeting attendance sheets): PDFsharp allows one global resolver, so no printer may set its own.
/// </summary>
public static class PdfFonts
{
    private static readonly Lock Gate = new();
    private static CjkFontResolver? _resolver;
    private static string? _problem;

    /// <summary>
    /// The options of every printer's fonts: Unicode (CID-keyed, so any Chinese character prints and extracts as text),
    /// embedded as a subset of the glyphs used. PDFsharp can subset only TrueType-outline fonts; a CFF-outline font
    /// (Noto CJK) is embedded whole whatever this says (README.md beside this file).
    /// </summary>
    public static XPdfFontOptions Options { get; } = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    /// <summary>The installed font file, and whether PDFs embed only the glyphs they use; null before a successful <see cref="Install"/>.</summary>
    public static (string Path, bool Subsettable)? Installed
    {
        get
        {
            lock (Gate)
            {
                return _resolver is null ? null : (_resolver.FontPath, _resolver.Subsettable);
            }
        }
    }

    /// <summary>Null when Chinese text can be printed; otherwise why not (no CJK font found). The first call decides.</summary>
    public static string? Install(string? configuredPath)
    {
        lock (Gate)
        {
            if (_resolver is not null || _problem is not null)
            {
                return _problem;
            }

            var (resolver, problem) = CjkFontResolver.Load(configuredPath);
            if (resolver is null)
            {
                _problem = problem;
                return problem;
            }

            GlobalFontSettings.FontResolver = resolver;
            _resolver = resolver;
            return null;
        }
    }
}
