using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.Pdf;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>What the printed letter says (Domain/README.md "Relationship transfer").</summary>
public sealed record LetterContent(
    string LetterNumber,
    string MemberName,
    Sex Sex,
    int Age,
    string Ethnicity,
    MembershipStatus Status,
    string IdNumber,
    string FromOrganization,
    string ToOrganization,
    DateOnly? DuesPaidUpTo,
    DateOnly IssuedOn,
    int ValidDays,
    DateOnly ValidUntil,
    string VerificationCode,
    string VerificationUrl);

/// <summary>
/// Prints the letter (介绍信) as an A4 PDF with PDFsharp: the text, the verification code and a QR code
/// (QRCoder) of the public verification URL. Fonts come from <see cref="CjkFontResolver"/>; without a CJK
/// font the printer refuses with the reason rather than printing boxes.
/// </summary>
public sealed class LetterPrinter(IOptions<LetterOptions> options, ILogger<LetterPrinter> logger)
{
    /// <summary>The PDF bytes, or why it cannot be printed on this server (no CJK font).</summary>
    public (byte[]? Pdf, string? Problem) Print(LetterContent letter)
    {
        if (EnsureFonts() is { } problem)
        {
            return (null, problem);
        }

        var document = new PdfDocument();
        document.Info.Title = $"党员组织关系介绍信 {letter.LetterNumber}";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Draw(graphics, page, letter);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return (stream.ToArray(), null);
    }

    /// <summary>The QR code of <paramref name="url"/> as a BMP image: PDFsharp's cross-platform build imports BMP and JPEG, not QRCoder's PNG.</summary>
    public static byte[] QrBitmap(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new BitmapByteQRCode(data).GetGraphic(8);
    }

    private string? EnsureFonts()
    {
        var problem = PdfFonts.Install(options.Value.FontPath);
        if (problem is not null)
        {
            logger.LogError("Letters cannot be printed: {Problem}", problem);
        }

        return problem;
    }

    private static void Draw(XGraphics g, PdfPage page, LetterContent l)
    {
        var options = PdfFonts.Options;
        var title = new XFont(CjkFontResolver.FaceName, 20, XFontStyleEx.Regular, options);
        var body = new XFont(CjkFontResolver.FaceName, 13, XFontStyleEx.Regular, options);
        var small = new XFont(CjkFontResolver.FaceName, 10, XFontStyleEx.Regular, options);
        var left = 60.0;
        var width = page.Width.Point - 120;
        var y = 70.0;

        g.DrawString("中国共产党党员组织关系介绍信", title, XBrushes.Black, new XRect(0, y, page.Width.Point, 30), XStringFormats.TopCenter);
        y += 40;
        g.DrawString($"编号：{l.LetterNumber}", small, XBrushes.Black, page.Width.Point - 60, y, XStringFormats.TopRight);
        y += 30;
        g.DrawString($"{l.ToOrganization}：", body, XBrushes.Black, left, y, XStringFormats.TopLeft);
        y += 28;

        var status = l.Status == MembershipStatus.Full ? "正式" : "预备";
        var sex = l.Sex == Sex.Male ? "男" : "女";
        var text = $"兹介绍{l.MemberName}同志（{sex}，{l.Age}岁，{l.Ethnicity}族），系中共{status}党员，身份证号码{l.IdNumber}，"
            + $"由{l.FromOrganization}转往{l.ToOrganization}，请接转组织关系。" + TransferViews.DuesSentence(l.DuesPaidUpTo);
        y = Paragraph(g, body, "　　" + text, left, y, width);
        y = Paragraph(g, body, $"　　（有效期{l.ValidDays}天，至{l.ValidUntil:yyyy年M月d日}止）", left, y + 8, width);

        y += 40;
        g.DrawString($"{l.FromOrganization}（盖章）", body, XBrushes.Black, page.Width.Point - 60, y, XStringFormats.TopRight);
        y += 24;
        g.DrawString($"{l.IssuedOn:yyyy年M月d日}", body, XBrushes.Black, page.Width.Point - 60, y, XStringFormats.TopRight);

        y += 50;
        using (var qr = XImage.FromStream(new MemoryStream(QrBitmap(l.VerificationUrl))))
        {
            g.DrawImage(qr, left, y, 110, 110);
        }

        g.DrawString($"验证码：{l.VerificationCode}", small, XBrushes.Black, left + 125, y + 20, XStringFormats.TopLeft);
        g.DrawString("扫描二维码或访问以下地址验证本介绍信真伪及有效期：", small, XBrushes.Black, left + 125, y + 42, XStringFormats.TopLeft);
        g.DrawString(l.VerificationUrl, small, XBrushes.Black, left + 125, y + 60, XStringFormats.TopLeft);
    }

    /// <summary>Draws text wrapped to <paramref name="width"/> character by character (Chinese has no spaces to break at); returns the next y.</summary>
    private static double Paragraph(XGraphics g, XFont font, string text, double x, double y, double width)
    {
        var lineHeight = font.GetHeight() * 1.6;
        var line = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (line.Length > 0 && g.MeasureString(line.ToString() + c, font).Width > width)
            {
                g.DrawString(line.ToString(), font, XBrushes.Black, x, y, XStringFormats.TopLeft);
                y += lineHeight;
                line.Clear();
            }

            line.Append(c);
        }

        if (line.Length > 0)
        {
            g.DrawString(line.ToString(), font, XBrushes.Black, x, y, XStringFormats.TopLeft);
            y += lineHeight;
        }

        return y;
    }
}
