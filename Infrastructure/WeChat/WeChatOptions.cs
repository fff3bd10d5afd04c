using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Infrastructure.WeChat;

/// <summary>Section "WeChat".</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>Mini-program AppID. Empty in Development means the emulator is used.</summary>
    public string? AppId { get; set; }

    /// <summary>AppSecret. Never logged, never returned.</summary>
    public string? AppSecret { get; set; }

    [Required]
    public string BaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>Force the emulator on (never allowed in Production).</summary>
    public bool UseEmulator { get; set; }

    /// <summary>Loopback port for the emulator; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int EmulatorPort { get; set; }

    /// <summary>How many times a "system busy" (-1) answer is retried.</summary>
    [Range(0, 10)]
    public int BusyRetries { get; set; } = 2;

    /// <summary>First back-off delay for -1; doubled on each retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Token of the message-push configuration (消息推送 Token), used to verify pushed events (§9).</summary>
    public string? PushToken { get; set; }

    /// <summary>
    /// EncodingAESKey of the message-push configuration (43 characters). When set, the push endpoint expects safe
    /// mode (安全模式, §9): encrypted bodies with msg_signature; plaintext events are refused.
    /// </summary>
    public string? PushEncodingAesKey { get; set; }

    /// <summary>True when pushed events arrive encrypted (a PushEncodingAesKey is configured).</summary>
    public bool PushSafeMode => !string.IsNullOrWhiteSpace(PushEncodingAesKey);

    public const string FormalState = "formal";
    public const string TrialState = "trial";
    public const string DeveloperState = "developer";

    /// <summary>
    /// Which build of the mini-program members use: formal (released), trial or developer. Sent as
    /// <c>miniprogram_state</c> with subscription messages, and decides <c>env_version</c> and <c>check_path</c>
    /// of every mini-program code (WeChatClient.GetMiniProgramCodeAsync).
    /// </summary>
    [RegularExpression("^(formal|trial|developer)$", ErrorMessage = "WeChat:MiniProgramState must be formal, trial or developer.")]
    public string MiniProgramState { get; set; } = FormalState;
}
