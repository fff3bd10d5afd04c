using QRCoder;

namespace SmartBranch.Infrastructure.WeChat.Emulator;

/// <summary>Real PNG images for the emulator's mini-program codes: a QR code carrying the scene.</summary>
internal static class EmulatorImages
{
    public static byte[] QrPng(string scene)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(scene, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
