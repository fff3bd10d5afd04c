using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartBranch.Infrastructure.WeChatPay.Emulator;

namespace SmartBranch.Infrastructure.WeChatPay;

internal static class WeChatPayRegistration
{
    /// <summary>The app's notification endpoint, for the emulator's default notify URL.</summary>
    private const string NotifyPath = "/api/dues/wechatpay/notify";

    /// <summary>
    /// The WeChat Pay client, its keys and the notification checker; the emulator in Development when no merchant
    /// is configured (or WeChatPay:UseEmulator). Production refuses the emulator and missing merchant settings.
    /// </summary>
    public static void AddWeChatPay(IHostApplicationBuilder builder, bool isProduction)
    {
        var services = builder.Services;
        var configured = builder.Configuration.GetSection(WeChatPayOptions.SectionName).Get<WeChatPayOptions>() ?? new WeChatPayOptions();
        var useEmulator = configured.UseEmulator || (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(configured.MchId));
        var emulatorKeys = useEmulator ? new WeChatPayEmulatorKeys() : null;

        services.AddOptions<WeChatPayOptions>()
            .BindConfiguration(WeChatPayOptions.SectionName)
            .PostConfigure(o =>
            {
                if (emulatorKeys is not null)
                {
                    o.MchId = WeChatPayEmulatorKeys.MchId;
                    o.ApiV3Key = emulatorKeys.ApiV3Key;
                    o.MerchantSerialNo = WeChatPayEmulatorKeys.MerchantSerialNo;
                    o.MerchantPrivateKey = emulatorKeys.MerchantPrivateKeyPem;
                    o.PlatformPublicKey = emulatorKeys.PlatformPublicKeyPem;
                    o.PlatformPublicKeyId = WeChatPayEmulatorKeys.PlatformPublicKeyId;
                    o.NotifyUrl = string.IsNullOrWhiteSpace(o.NotifyUrl) ? "https://smartbranch.emulator" + NotifyPath : o.NotifyUrl;
                }
            })
            .ValidateDataAnnotations()
            .Validate(_ => !(isProduction && useEmulator), "WeChatPay:UseEmulator cannot be switched on in Production.")
            .Validate(
                o => useEmulator || (!string.IsNullOrWhiteSpace(o.MchId) && !string.IsNullOrWhiteSpace(o.MerchantSerialNo) && !string.IsNullOrWhiteSpace(o.PlatformPublicKeyId) && !string.IsNullOrWhiteSpace(o.NotifyUrl)),
                "WeChatPay:MchId, WeChatPay:MerchantSerialNo, WeChatPay:PlatformPublicKeyId and WeChatPay:NotifyUrl are required unless the WeChat Pay emulator is used (Development only).")
            .Validate(o => WeChatPayCrypto.IsValidApiV3Key(o.ApiV3Key), "WeChatPay:ApiV3Key must be the 32-character APIv3 key.")
            .Validate(o => IsKey(o.MerchantPrivateKey, privateKey: true), "WeChatPay:MerchantPrivateKey must be the merchant API private key in PEM.")
            .Validate(o => IsKey(o.PlatformPublicKey, privateKey: false), "WeChatPay:PlatformPublicKey must be WeChat Pay's public key in PEM.")
            .Validate(o => useEmulator || (Uri.TryCreate(o.NotifyUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Query.Length == 0),
                "WeChatPay:NotifyUrl must be an https URL without a query string.")
            .ValidateOnStart();

        services.AddSingleton<WeChatPayKeys>();
        services.AddSingleton<WeChatPayNotifications>();
        var client = services.AddHttpClient<WeChatPayClient>((sp, http) =>
        {
            http.BaseAddress = useEmulator
                ? sp.GetRequiredService<WeChatPayEmulator>().BaseAddress
                : new Uri(sp.GetRequiredService<IOptions<WeChatPayOptions>>().Value.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        client.RemoveAllLoggers();

        if (emulatorKeys is not null)
        {
            services.AddSingleton(emulatorKeys);
            services.AddSingleton<WeChatPayEmulator>();
            services.AddHostedService<WeChatPayEmulatorHost>();
        }
    }

    private static bool IsKey(string? pem, bool privateKey)
    {
        using var rsa = WeChatPayCrypto.ImportPem(pem);
        if (rsa is null)
        {
            return false;
        }

        try
        {
            // A private key exports its parameters; a public-only key throws here.
            rsa.ExportParameters(includePrivateParameters: privateKey);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
