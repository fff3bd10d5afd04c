using PdfSharp.Fonts;

namespace SmartBranch.Infrastructure.Pdf;

/// <summary>
/// Installs <see cref="CjkFontResolver"/> as PDFsharp's process-wide font resolver, once, for every printer (transfer
/// letters, meeting attendance sheets): PDFsharp allows one global resolver, so no printer may set its own.
/// </summary>
public static class PdfFonts
{
    private static readonly Lock Gate = new();
    private static string? _problem;
    private static bool _ready;

    /// <summary>Null when Chinese text can be printed; otherwise why not (no CJK font found). The first call decides.</summary>
    public static string? Install(string? configuredPath)
    {
        lock (Gate)
        {
            if (_ready || _problem is not null)
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
            _ready = true;
            return null;
        }
    }
}
