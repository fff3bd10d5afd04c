using System.Globalization;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common.Auth;

/// <summary>The signed-in caller: their WeChat openid, their roster entry if bound, and what they may do.</summary>
public sealed class CurrentMember(IHttpContextAccessor accessor, AppDbContext db, TimeProvider time)
{
    private AccessScope? _access;

    private System.Security.Claims.ClaimsPrincipal User => accessor.HttpContext?.User ?? new();

    public string OpenId => User.FindFirst(AppClaims.OpenId)?.Value ?? throw new InvalidOperationException("Not signed in.");

    public int? MemberId => User.FindFirst(AppClaims.MemberId)?.Value is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null;

    /// <summary>The roster id of a bound member; use only behind the <see cref="Policies.Member"/> policy.</summary>
    public int Id => MemberId ?? throw new InvalidOperationException("The caller is not bound to a member.");

    public bool IsBound => MemberId is not null;

    /// <summary>What the caller may see and manage today (appointments outside their term give no rights).</summary>
    public async Task<AccessScope> GetAccessAsync(CancellationToken cancellationToken)
    {
        if (_access is not null)
        {
            return _access;
        }

        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == Id)
            .Select(m => new { m.Id, m.BranchId, m.PartyGroupId })
            .SingleAsync(cancellationToken);
        _access = await AccessScopes.LoadAsync(db, member.Id, member.BranchId, member.PartyGroupId, LocalCalendar.Today(time.GetUtcNow()), cancellationToken);
        return _access;
    }
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
