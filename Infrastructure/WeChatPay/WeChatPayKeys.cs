using System.Security.Cryptography;

namespace SmartBranch.Infrastructure.WeChatPay;

/// <summary>The merchant private key and WeChat Pay's public key, parsed once from <see cref="WeChatPayOptions"/>.</summary>
public sealed class WeChatPayKeys(IOptions<WeChatPayOptions> options) : IDisposable
{
    private readonly Lazy<RSA> _merchant = new(() => WeChatPayCrypto.ImportPem(options.Value.MerchantPrivateKey)
        ?? throw new InvalidOperationException("WeChatPay:MerchantPrivateKey is not an RSA private key in PEM."));

    private readonly Lazy<RSA> _platform = new(() => WeChatPayCrypto.ImportPem(options.Value.PlatformPublicKey)
        ?? throw new InvalidOperationException("WeChatPay:PlatformPublicKey is not an RSA public key in PEM."));

    public RSA Merchant => _merchant.Value;

    public RSA Platform => _platform.Value;

    public void Dispose()
    {
        if (_merchant.IsValueCreated)
        {
            _merchant.Value.Dispose();
        }

        if (_platform.IsValueCreated)
        {
            _platform.Value.Dispose();
        }
    }
}
