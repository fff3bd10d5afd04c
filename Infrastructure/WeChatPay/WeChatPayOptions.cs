using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Infrastructure.WeChatPay;

/// <summary>Section "WeChatPay": the merchant (商户) and keys of WeChat Pay API v3. See Infrastructure/WeChatPay/README.md.</summary>
public sealed class WeChatPayOptions
{
    public const string SectionName = "WeChatPay";

    /// <summary>Merchant id (mchid). Empty in Development means the WeChat Pay emulator is used.</summary>
    public string? MchId { get; set; }

    /// <summary>APIv3 key: 32 characters, decrypts notification resources (AEAD_AES_256_GCM). Never logged.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>Serial number of the merchant API certificate (serial_no in our Authorization header).</summary>
    public string? MerchantSerialNo { get; set; }

    /// <summary>The merchant API private key, PEM (RSA 2048, "-----BEGIN PRIVATE KEY-----"). Signs requests and paySign.</summary>
    public string? MerchantPrivateKey { get; set; }

    /// <summary>WeChat Pay's public key (微信支付公钥), PEM: verifies responses and notifications.</summary>
    public string? PlatformPublicKey { get; set; }

    /// <summary>Id of that key (PUB_KEY_ID_…), as the Wechatpay-Serial header names it.</summary>
    public string? PlatformPublicKeyId { get; set; }

    /// <summary>Where WeChat Pay posts payment notifications: https, no query string, ends in /api/dues/wechatpay/notify.</summary>
    public string? NotifyUrl { get; set; }

    /// <summary>Where refund notifications go; defaults to <see cref="NotifyUrl"/> (the endpoint handles both).</summary>
    public string? RefundNotifyUrl { get; set; }

    [Required]
    public string BaseUrl { get; set; } = "https://api.mch.weixin.qq.com";

    /// <summary>Force the emulator on (never allowed in Production).</summary>
    public bool UseEmulator { get; set; }

    /// <summary>Loopback port of the emulator; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int EmulatorPort { get; set; }

    /// <summary>Notifications whose Wechatpay-Timestamp is further than this from now are refused as replays.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan NotificationTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
