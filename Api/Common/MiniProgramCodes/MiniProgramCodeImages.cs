using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Common.MiniProgramCodes;

/// <summary>
/// Mini-program code images (wxacode.getUnlimited) kept until what they encode changes. An image depends
/// only on the app, scene, page, width, path check and environment, so those are the key: an invitation keeps
/// its image for its whole life, a rotating check-in scene gets a new one when it rotates. Kept in process and,
/// with Redis configured, in Redis (<c>sb:cache:wxacode:…</c>) for every instance; only successes are kept.
/// </summary>
public sealed class MiniProgramCodeImages(WeChatClient weChat, HybridCache cache, IOptions<WeChatOptions> options)
{
    // Invitations live at most 90 days; an image nobody asked for in 30 days is fetched again if ever needed.
    private static readonly HybridCacheEntryOptions Keep = new()
    {
        Expiration = TimeSpan.FromDays(30),
        LocalCacheExpiration = TimeSpan.FromHours(1),
    };

    private static readonly HybridCacheEntryOptions LookUpOnly = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    /// <summary>The PNG of <paramref name="page"/> opened with <paramref name="scene"/>, from the cache or else from WeChat (<see cref="WeChatClient.GetMiniProgramCodeAsync"/>).</summary>
    public Task<WeChatResult<byte[]>> GetAsync(string scene, string page, CancellationToken cancellationToken) =>
        GetAsync(scene, page, Keep, cancellationToken);

    /// <summary>As above, kept only for <paramref name="keepFor"/> (a login ticket's code is useless after the ticket).</summary>
    public Task<WeChatResult<byte[]>> GetAsync(string scene, string page, TimeSpan keepFor, CancellationToken cancellationToken) =>
        GetAsync(scene, page, new HybridCacheEntryOptions { Expiration = keepFor, LocalCacheExpiration = keepFor }, cancellationToken);

    private async Task<WeChatResult<byte[]>> GetAsync(string scene, string page, HybridCacheEntryOptions keep, CancellationToken cancellationToken)
    {
        var key = Key(WeChatClient.MiniProgramCodeRequest(scene, page, options.Value.MiniProgramState));
        var kept = await cache.GetOrCreateAsync<byte[]?>(key, _ => ValueTask.FromResult<byte[]?>(null), LookUpOnly, cancellationToken: cancellationToken);
        if (kept is { Length: > 0 })
        {
            return WeChatResult<byte[]>.Ok(kept);
        }

        var image = await weChat.GetMiniProgramCodeAsync(scene, page, cancellationToken);
        if (image.Succeeded)
        {
            await cache.SetAsync<byte[]?>(key, image.Value, keep, cancellationToken: cancellationToken);
        }

        return image;
    }

    private string Key(UnlimitedQrCodeRequest request)
    {
        var identity = string.Create(CultureInfo.InvariantCulture,
            $"{options.Value.AppId}\n{request.Scene}\n{request.Page}\n{request.Width}\n{request.CheckPath}\n{request.EnvVersion}");
        return "sb:wxacode:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }
}
