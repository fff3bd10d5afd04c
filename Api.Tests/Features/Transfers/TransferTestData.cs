using StbImageSharp;
using UglyToad.PdfPig.Content;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace SmartBranch.Api.Tests.Features.Transfers;

internal static class TransferTestData
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A resident ID number: the 17 given digits and their GB 11643 check character.</summary>
    public static string IdNumber(string first17)
    {
        var sum = first17.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>Decodes the one QR code image on the page: PdfPig gives the image as PNG, StbImageSharp the pixels, ZXing the text.</summary>
    public static string? DecodeQr(Page page)
    {
        var image = page.GetImages().Single();
        Assert.That(image.TryGetPng(out var png), Is.True, "the QR image can be read back");
        var pixels = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(pixels.Data, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }
}
