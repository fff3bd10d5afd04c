using System.Security.Cryptography;
using System.Text;
using SmartBranch.Infrastructure.Sessions;

namespace SmartBranch.Api.Features.ConsoleLogin;

/// <summary>
/// What scan-to-login shares: the ticket lifetime, its scene (the mini-program code's payload, at most 32 characters:
/// "cl" and 128 random bits in base64url), the cookie that binds a ticket to the browser that shows it, and the
/// short browser description the member sees before confirming.
/// </summary>
public static class ConsoleLoginTickets
{
    /// <summary>A ticket is valid for two minutes after it is shown.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>HttpOnly cookie holding the secret of the ticket this browser shows; only that browser collects the session.</summary>
    public const string BrowserCookie = "sb_console_ticket";

    /// <summary>Scenes start with this, so the confirmation page can tell a login ticket from anything else.</summary>
    public const string ScenePrefix = "cl";

    /// <summary>The mini-program page the code opens (miniprogram/pkg-console/confirm).</summary>
    public const string ConfirmPage = MiniProgramPages.ConsoleLoginConfirm;

    public static string NewScene() => ScenePrefix + Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewBrowserSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when this request comes from the browser the ticket was shown in.</summary>
    public static bool IsShownBy(LoginTicket ticket, HttpRequest request) =>
        request.Cookies[BrowserCookie] is { Length: > 0 } secret
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(ticket.BrowserHash));

    /// <summary>
    /// "Edge（Windows）"-style name of the browser from its User-Agent: enough for a member to recognise their own PC,
    /// never used for a decision.
    /// </summary>
    public static string DescribeBrowser(string? userAgent)
    {
        var ua = userAgent ?? string.Empty;
        var browser = ua switch
        {
            _ when ua.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when ua.Contains("QQBrowser", StringComparison.Ordinal) => "QQ浏览器",
            _ when ua.Contains("360SE", StringComparison.Ordinal) || ua.Contains("QIHU", StringComparison.Ordinal) => "360浏览器",
            _ when ua.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when ua.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "未知浏览器",
        };
        var system = ua switch
        {
            _ when ua.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when ua.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when ua.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when ua.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "未知系统",
        };
        return $"{browser}（{system}）";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
