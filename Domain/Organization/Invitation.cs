namespace SmartBranch.Domain.Organization;

/// <summary>
/// A branch's invitation to bind WeChat accounts to its roster: a short random code (carried in the
/// mini-program code's scene), an expiry, and single or multiple use.
/// </summary>
public sealed class Invitation
{
    /// <summary>Length of <see cref="Code"/>; with the "i=" prefix the scene stays far below WeChat's 32 characters.</summary>
    public const int CodeLength = 12;

    /// <summary>Prefix of the scene string, so the mini-program can tell invitation codes from check-in codes.</summary>
    public const string ScenePrefix = "i=";

    private Invitation()
    {
        Code = string.Empty;
    }

    public Invitation(int branchId, string code, bool singleUse, DateTimeOffset expiresAt, int createdByMemberId, DateTimeOffset createdAt)
    {
        BranchId = branchId;
        Code = code;
        SingleUse = singleUse;
        ExpiresAt = expiresAt;
        CreatedByMemberId = createdByMemberId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>The branch whose unbound roster entries may be bound with this invitation.</summary>
    public int BranchId { get; private set; }

    /// <summary>Random, unguessable, unique.</summary>
    public string Code { get; private set; }

    public bool SingleUse { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>How many accounts were bound with it (a concurrency token, so a single-use invitation binds once).</summary>
    public int UseCount { get; private set; }

    public int CreatedByMemberId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What goes into the mini-program code: "i=&lt;code&gt;".</summary>
    public string Scene => ScenePrefix + Code;

    /// <summary>The code inside a scene string ("i=abc") or a bare code ("abc").</summary>
    public static string CodeFromScene(string sceneOrCode)
    {
        var value = sceneOrCode.Trim();
        return value.StartsWith(ScenePrefix, StringComparison.Ordinal) ? value[ScenePrefix.Length..] : value;
    }

    /// <summary>When a committee member revoked it; a revoked invitation binds nobody.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Revokes the invitation at <paramref name="now"/>; revoking twice keeps the first time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Refuses a revoked or expired invitation and a single-use one already used.</summary>
    public Common.Result CheckUsable(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return new Common.DomainError("invitation.revoked", "该邀请已被撤销，请联系支部委员重新获取邀请码。");
        }

        if (now >= ExpiresAt)
        {
            return new Common.DomainError("invitation.expired", "该邀请已过期，请联系支部委员重新获取邀请码。");
        }

        if (SingleUse && UseCount > 0)
        {
            return new Common.DomainError("invitation.used", "该邀请已被使用，请联系支部委员重新获取邀请码。");
        }

        return Common.Result.Ok;
    }

    public void RecordUse() => UseCount++;
}
