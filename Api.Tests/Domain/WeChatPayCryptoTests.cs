using System.Security.Cryptography;
using SmartBranch.Infrastructure.WeChatPay;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>The WeChat Pay v3 signatures and AEAD_AES_256_GCM resource encryption, and the trade bill format.</summary>
public sealed class WeChatPayCryptoTests
{
    private const string ApiV3Key = "0123456789abcdefghijABCDEFGHIJ01";

    [Test]
    public void SignsRequestOverMethodPathTimestampNonceAndBody()
    {
        using var key = RSA.Create(2048);

        var header = WeChatPayCrypto.Authorization("1900000109", "SERIAL1", key, "POST", "/v3/pay/transactions/jsapi", "{\"a\":1}", 1_700_000_000, "NONCE123");
        var fields = WeChatPayCrypto.ParseAuthorization(header)!;

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.StartWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",nonce_str=\"NONCE123\",signature=\""));
            Assert.That((fields["timestamp"], fields["serial_no"]), Is.EqualTo(("1700000000", "SERIAL1")));
            Assert.That(WeChatPayCrypto.Verify(key, "POST\n/v3/pay/transactions/jsapi\n1700000000\nNONCE123\n{\"a\":1}\n", fields["signature"]), Is.True);
            Assert.That(WeChatPayCrypto.Verify(key, "POST\n/v3/pay/transactions/jsapi\n1700000000\nNONCE123\n{\"a\":2}\n", fields["signature"]), Is.False);
        });
    }

    [Test]
    public void SignsRequestPaymentOverAppIdTimeStampNonceAndPackage()
    {
        using var key = RSA.Create(2048);

        var p = WeChatPayCrypto.RequestPayment("wx8888888888888888", "wx201410272009395522657a690389285100", key, 1_414_561_699, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");

        Assert.Multiple(() =>
        {
            Assert.That((p.Package, p.SignType, p.TimeStamp), Is.EqualTo(("prepay_id=wx201410272009395522657a690389285100", "RSA", "1414561699")));
            Assert.That(WeChatPayCrypto.Verify(key, "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n", p.PaySign), Is.True);
        });
    }

    [Test]
    public void DecryptsResource_AndRefusesTamperedCiphertextOrWrongKey()
    {
        var ciphertext = WeChatPayCrypto.Encrypt(ApiV3Key, "fdasflkjawej", "transaction", "{\"out_trade_no\":\"X1\"}");
        var bytes = Convert.FromBase64String(ciphertext);
        bytes[0] ^= 1;

        Assert.Multiple(() =>
        {
            Assert.That(WeChatPayCrypto.Decrypt(ApiV3Key, "fdasflkjawej", "transaction", ciphertext), Is.EqualTo("{\"out_trade_no\":\"X1\"}"));
            Assert.That(WeChatPayCrypto.Decrypt(ApiV3Key, "fdasflkjawej", "transaction", Convert.ToBase64String(bytes)), Is.Null);
            Assert.That(WeChatPayCrypto.Decrypt(ApiV3Key, "fdasflkjawej", "refund", ciphertext), Is.Null, "associated data is authenticated");
            Assert.That(WeChatPayCrypto.Decrypt("ffffffffffffffffffffffffffffffff", "fdasflkjawej", "transaction", ciphertext), Is.Null);
            Assert.That(WeChatPayCrypto.IsValidApiV3Key(ApiV3Key), Is.True);
            Assert.That(WeChatPayCrypto.IsValidApiV3Key("short"), Is.False);
        });
    }

    [Test]
    public void ParsesTradeBill_ValuesAfterBackticks_AmountsInYuan()
    {
        var text = string.Join(',', TradeBill.Columns) + "\n"
            + "`2026-03-02 09:15:00,`wx00emulator00000,`1900000109,`0,`,`4200000001,`DUES1,`oUser,`JSAPI,`SUCCESS,`OTHERS,`CNY,`135.00,`0.00,`0,`0,`0.00,`0.00,`,`,`党费,`,`0.81,`0.60%,`135.00,`0.00,`\n"
            + "总交易单数,应结订单总金额\n`1,`135.00\n";

        var rows = TradeBill.Parse(text);

        Assert.That(rows.Select(r => (r.OutTradeNo, r.TransactionId, r.TradeState, r.TotalFen, r.TradeTime)),
            Is.EqualTo(new[] { ("DUES1", "4200000001", "SUCCESS", 13_500L, new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(8))) }));
    }
}
