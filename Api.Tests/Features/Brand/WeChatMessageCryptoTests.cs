using System.Security.Cryptography;
using System.Text;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Features.Brand;

/// <summary>Safe-mode crypto against the test vector of Infrastructure/WeChat/README.md §13 (from SKIT's WxMsgCryptor tests).</summary>
public sealed class WeChatMessageCryptoTests
{
    internal const string Token = "QDG6eK";
    internal const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    internal const string Timestamp = "1409659813";
    internal const string Nonce = "1372623149";
    internal const string MsgSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    internal const string AppId = "wx5823bf96d3bd56c7";

    internal const string Encrypt =
        "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    private const string Plain =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

    [Test]
    public void MsgSignatureMatchesTheVector()
    {
        Assert.That(WeChatMessageCrypto.MsgSignature(Token, Timestamp, Nonce, Encrypt), Is.EqualTo(MsgSignature));
        Assert.That(WeChatMessageCrypto.IsValidSignature(Token, MsgSignature, Timestamp, Nonce, Encrypt), Is.True);
        Assert.That(WeChatMessageCrypto.IsValidSignature(Token, MsgSignature, Timestamp, "1372623150", Encrypt), Is.False);
        Assert.That(WeChatMessageCrypto.IsValidSignature(Token, MsgSignature, Timestamp, Nonce, Encrypt[1..]), Is.False);
    }

    [Test]
    public void DecryptsTheVector_WhenTheAppIdIsOurs()
    {
        var decrypted = WeChatMessageCrypto.Decrypt(Key, AppId, Encrypt);

        Assert.That(decrypted.Status, Is.EqualTo(WeChatDecryptStatus.Ok));
        Assert.That(decrypted.Message, Is.EqualTo(Plain));
        Assert.That(decrypted.AppId, Is.EqualTo(AppId));
    }

    [Test]
    public void RefusesTheVector_WhenTheAppIdIsNotOurs()
    {
        var decrypted = WeChatMessageCrypto.Decrypt(Key, "wx00emulator00000", Encrypt);

        Assert.That(decrypted.Status, Is.EqualTo(WeChatDecryptStatus.WrongAppId));
        Assert.That(decrypted.Message, Is.Null);
        Assert.That(decrypted.AppId, Is.EqualTo(AppId));
    }

    [TestCase("")]
    [TestCase("{\"Event\":\"wxa_media_check\",\"trace_id\":\"t\"}")]
    [TestCase("中文消息：审核通过")]
    [TestCase("x")] // 16 + 4 + 1 + 18 = 39 bytes: pads 25
    [TestCase("0123456789abcdefghijklmnop")] // 16 + 4 + 26 + 18 = 64 bytes: a whole 32-byte pad block
    public void RoundTrips_WhatItEncrypts(string message)
    {
        var encrypt = WeChatMessageCrypto.Encrypt(Key, AppId, message);
        var other = WeChatMessageCrypto.Encrypt(Key, AppId, message);

        Assert.That(Convert.FromBase64String(encrypt).Length % 32, Is.Zero, "padded to a multiple of 32 bytes");
        Assert.That(other, Is.Not.EqualTo(encrypt), "16 random bytes lead every message");
        var decrypted = WeChatMessageCrypto.Decrypt(Key, AppId, encrypt);
        Assert.That(decrypted.Status, Is.EqualTo(WeChatDecryptStatus.Ok));
        Assert.That(decrypted.Message, Is.EqualTo(message));
    }

    [Test]
    public void PadsAWholeBlock_WhenTheContentFillsTheLastOne()
    {
        // 16 random + 4 length + 26 message + 18 appid = 64 bytes, so PKCS#7 adds 32 bytes of value 32.
        var encrypt = WeChatMessageCrypto.Encrypt(Key, AppId, "0123456789abcdefghijklmnop");

        var plain = DecryptRaw(Convert.FromBase64String(encrypt));

        Assert.That(plain.Length, Is.EqualTo(96));
        Assert.That(plain[^32..], Is.All.EqualTo((byte)32));
    }

    [TestCase((byte)0)]
    [TestCase((byte)33)]
    public void ReportsMalformed_WhenThePaddingIsBad(byte padByte)
    {
        var plain = new byte[64];
        plain[^1] = padByte;

        var decrypted = WeChatMessageCrypto.Decrypt(Key, AppId, Convert.ToBase64String(EncryptRaw(plain)));

        Assert.That(decrypted.Status, Is.EqualTo(WeChatDecryptStatus.Malformed));
    }

    [Test]
    public void ReportsMalformed_WhenThePaddingBytesDisagree()
    {
        var plain = new byte[64];
        plain[^1] = 3;
        plain[^2] = 3;
        plain[^3] = 7;

        Assert.That(WeChatMessageCrypto.Decrypt(Key, AppId, Convert.ToBase64String(EncryptRaw(plain))).Status, Is.EqualTo(WeChatDecryptStatus.Malformed));
    }

    [Test]
    public void ReportsMalformed_WhenTheLengthPrefixOverrunsTheContent()
    {
        var plain = new byte[64];
        plain[19] = 200; // length 200 in a 63-byte content
        plain[^1] = 1;

        Assert.That(WeChatMessageCrypto.Decrypt(Key, AppId, Convert.ToBase64String(EncryptRaw(plain))).Status, Is.EqualTo(WeChatDecryptStatus.Malformed));
    }

    [TestCase("not base64 at all!")]
    [TestCase("AAAA")] // 3 bytes: not whole AES blocks
    public void ReportsMalformed_WhenTheValueIsNotCiphertext(string encrypt) =>
        Assert.That(WeChatMessageCrypto.Decrypt(Key, AppId, encrypt).Status, Is.EqualTo(WeChatDecryptStatus.Malformed));

    [TestCase(Key, true)]
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2", false)] // 42 characters
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=", false)] // the "=" is not part of it
    [TestCase("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B-C", false)] // not base64
    [TestCase("", false)]
    public void KnowsTheKeyShape(string key, bool valid) => Assert.That(WeChatMessageCrypto.IsValidKey(key), Is.EqualTo(valid));

    [Test]
    public void EncryptsUtf8_WithABigEndianLength()
    {
        var encrypt = WeChatMessageCrypto.Encrypt(Key, AppId, "审核");

        var plain = DecryptRaw(Convert.FromBase64String(encrypt));

        Assert.That(plain[16..20], Is.EqualTo(new byte[] { 0, 0, 0, 6 }));
        Assert.That(Encoding.UTF8.GetString(plain, 20, 6), Is.EqualTo("审核"));
        Assert.That(Encoding.UTF8.GetString(plain, 26, AppId.Length), Is.EqualTo(AppId));
    }

    private static byte[] KeyBytes => Convert.FromBase64String(Key + "=");

    private static byte[] EncryptRaw(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = KeyBytes;
        return aes.EncryptCbc(plain, KeyBytes.AsSpan(0, 16), PaddingMode.None);
    }

    private static byte[] DecryptRaw(byte[] cipher)
    {
        using var aes = Aes.Create();
        aes.Key = KeyBytes;
        return aes.DecryptCbc(cipher, KeyBytes.AsSpan(0, 16), PaddingMode.None);
    }
}
