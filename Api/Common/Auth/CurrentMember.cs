using System.Globalization;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Api.Common.Auth;

/// <summary>The signed-in caller: their WeChat openid, their roster entry if bound, and what they may do.</summary>
public sealed class CurrentMember(IHttpContextAccessor accessor, AppDbContext db, TimeProvider time, AccessCache cache)
{
    private AccessScope? _access;
    private string? _generation;
    private CachedIdentity? _identity;

    private System.Security.Claims.ClaimsPrincipal User => accessor.HttpContext?.User ?? new();

    public string OpenId => User.FindFirst(AppClaims.OpenId)?.Value ?? throw new InvalidOperationException("Not signed in.");

    public int? MemberId => User.FindFirst(AppClaims.MemberId)?.Value is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null;

    /// <summary>The roster id of a bound member; use only behind the <see cref="Policies.Member"/> policy.</summary>
    public int Id => MemberId ?? throw new InvalidOperationException("The caller is not bound to a member.");

    public bool IsBound => MemberId is not null;

    /// <summary>
    /// The generations read with the session (access, notices, this session's own state), for caches keyed by them;
    /// null when the request was not authenticated by a session.
    /// </summary>
    public RequestGenerations? Generations { get; private set; }

    /// <summary>Called by authentication with what it found for the session, so the request looks nothing up twice.</summary>
    internal void Attach(RequestGenerations generations, CachedIdentity identity)
    {
        Generations = generations;
        _generation = generations.Access;
        _identity = identity;
    }

    /// <summary>The bound member as cached for this request's generation; use only behind the <see cref="Policies.Member"/> policy.</summary>
    public async Task<CachedMember> GetMemberAsync(CancellationToken cancellationToken)
    {
        if (_identity is null)
        {
            var generation = await GetGenerationAsync(cancellationToken);
            _identity = await cache.GetIdentityAsync(db, OpenId, generation, cancellationToken);
        }

        return _identity.Member ?? throw new InvalidOperationException("The caller is not bound to a member.");
    }

    /// <summary>The organisation tree with names, as of this request.</summary>
    public async Task<CachedUnits> GetUnitsAsync(CancellationToken cancellationToken) =>
        await cache.GetUnitsAsync(db, await GetGenerationAsync(cancellationToken), cancellationToken);

    /// <summary>What the caller may see and manage today (appointments outside their term give no rights).</summary>
    public async Task<AccessScope> GetAccessAsync(CancellationToken cancellationToken)
    {
        if (_access is not null)
        {
            return _access;
        }

        var member = await GetMemberAsync(cancellationToken);
        var units = await GetUnitsAsync(cancellationToken);
        var today = LocalCalendar.Today(time.GetUtcNow());
        _access = new AccessScope(member.Id, member.BranchId, member.PartyGroupId, member.ActiveOn(today).Select(a => new ActiveRole(a.UnitId, a.Role)), units.Tree);
        return _access;
    }

    private async Task<string> GetGenerationAsync(CancellationToken cancellationToken) =>
        _generation ??= await cache.GenerationAsync(cancellationToken);
}

/// <summary>Loads the facts <see cref="AccessScope"/> decides on.</summary>
public static class AccessScopes
{
    public static async Task<AccessScope> LoadAsync(AppDbContext db, int memberId, int branchId, int? partyGroupId, DateOnly today, CancellationToken cancellationToken)
    {
        var roles = await db.Appointments.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => new ActiveRole(a.UnitId, a.Role))
            .ToListAsync(cancellationToken);
        return new AccessScope(memberId, branchId, partyGroupId, roles, await LoadUnitTreeAsync(db, cancellationToken));
    }

    /// <summary>The whole unit tree (a few hundred rows at most); load it once per request and pass it on.</summary>
    public static async Task<UnitTree> LoadUnitTreeAsync(AppDbContext db, CancellationToken cancellationToken) =>
        new(await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.Kind, u.ParentId)).ToListAsync(cancellationToken));
}
