using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SmartBranch.Api.Features.Study;

/// <summary>Which file of a study media a link serves.</summary>
public enum StudyMediaPart
{
    File,
    Poster,
}

/// <summary>What a media link grants: one part of one material's media, to one member, until a time.</summary>
public sealed record StudyMediaGrant(Guid MediaId, int MaterialId, int MemberId, StudyMediaPart Part, DateTimeOffset ExpiresAt);

/// <summary>
/// Media URLs for the mini-program's &lt;video&gt;, &lt;audio&gt; and &lt;image&gt;, which cannot send the session token:
/// <c>/api/study/media/{token}</c>, where the token is the grant encrypted and authenticated with the app's Data
/// Protection key ring (shared by every instance). Nobody can make or alter one, and it expires after
/// <see cref="StudyOptions.MediaUrlLifetime"/> on the server's clock.
/// </summary>
public sealed class StudyMediaLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<StudyOptions> options)
{
    public const string RoutePrefix = "/api/study/media/";

    private readonly IDataProtector _protector = protection.CreateProtector("SmartBranch.Study.MediaLinks.v1");

    /// <summary>A fresh URL for <paramref name="memberId"/> to fetch <paramref name="part"/> of the material's media.</summary>
    public string Create(Guid mediaId, int materialId, int memberId, StudyMediaPart part, TimeSpan? lifetime = null)
    {
        var expires = time.GetUtcNow() + (lifetime ?? options.Value.MediaUrlLifetime);
        var payload = string.Join('|', mediaId.ToString("N"), materialId.ToString(CultureInfo.InvariantCulture), memberId.ToString(CultureInfo.InvariantCulture), part.ToString(), expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        return RoutePrefix + _protector.Protect(payload);
    }

    /// <summary>The grant a token carries while it is valid, or null for a forged, altered or expired token.</summary>
    public StudyMediaGrant? Read(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            // Not a token we made (guessed, cut or altered): the caller answers 404.
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 5
            || !Guid.TryParseExact(parts[0], "N", out var mediaId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var materialId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            || !Enum.TryParse<StudyMediaPart>(parts[3], out var part)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeMilliseconds(expiresMs);
        return expires <= time.GetUtcNow() ? null : new StudyMediaGrant(mediaId, materialId, memberId, part, expires);
    }
}
