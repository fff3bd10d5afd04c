using System.Security.Cryptography;

namespace SmartBranch.Infrastructure.WeChatPay.Emulator;

/// <summary>
/// The merchant and keys the emulator plays: a fresh merchant key pair (the app signs with the private half, the
/// emulator verifies with the public half), its own "WeChat Pay" key pair (the emulator signs answers and
/// notifications, the app verifies with the public half), and an APIv3 key. New for every app start.
/// </summary>
public sealed class WeChatPayEmulatorKeys : IDisposable
{
    public const string MchId = "1900000109";
    public const string MerchantSerialNo = "EMU0000000000000000000000000000000000001";
    public const string PlatformPublicKeyId = "PUB_KEY_ID_EMULATOR0000000000000001";

    public WeChatPayEmulatorKeys()
    {
        Merchant = RSA.Create(2048);
        Platform = RSA.Create(2048);
        ApiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
    }

    public RSA Merchant { get; }

    public RSA Platform { get; }

    public string ApiV3Key { get; }

    public string MerchantPrivateKeyPem => Merchant.ExportPkcs8PrivateKeyPem();

    public string PlatformPublicKeyPem => Platform.ExportSubjectPublicKeyInfoPem();

    public void Dispose()
    {
        Merchant.Dispose();
        Platform.Dispose();
    }
}
