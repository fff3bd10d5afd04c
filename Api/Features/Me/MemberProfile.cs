using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Me;

/// <summary>A unit as shown next to a member.</summary>
public sealed record UnitSummary(int Id, string Name, UnitKind Kind);

/// <summary>A role the member holds today.</summary>
public sealed record RoleSummary(int UnitId, string UnitName, CommitteeRole Role, string RoleName, DateOnly EndsOn);

/// <summary>The signed-in member as the mini-program shows them.</summary>
public sealed record MemberProfile(
    int Id,
    string Name,
    string Number,
    MembershipStatus Status,
    bool HasVote,
    UnitSummary Branch,
    UnitSummary? PartyGroup,
    IReadOnlyList<RoleSummary> Roles);

internal static class MemberProfiles
{
    /// <summary>The profile of the member bound to <paramref name="openId"/> as of now (a fresh generation), or null when unbound.</summary>
    public static async Task<MemberProfile?> LoadAsync(AccessCache cache, AppDbContext db, string openId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var generation = await cache.GenerationAsync(cancellationToken);
        return await LoadAsync(cache, db, openId, generation, now, cancellationToken);
    }

    /// <summary>As above, with the access generation already read (sign-in reads it beside the session write).</summary>
    public static async Task<MemberProfile?> LoadAsync(AccessCache cache, AppDbContext db, string openId, string generation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var identity = await cache.GetIdentityAsync(db, openId, generation, cancellationToken);
        return identity.Member is { } member
            ? From(member, await cache.GetUnitsAsync(db, generation, cancellationToken), LocalCalendar.Today(now))
            : null;
    }

    /// <summary>The profile of a cached member with the roles active on <paramref name="today"/> (China date).</summary>
    public static MemberProfile From(CachedMember member, CachedUnits units, DateOnly today)
    {
        UnitSummary Summary(int id) => units.Find(id) is { } unit ? new UnitSummary(unit.Id, unit.Name, unit.Kind) : throw new InvalidOperationException($"Unit {id} is not in the tree.");

        // Ordered as the roles' stored names sort, as the profile always listed them.
        var roles = member.ActiveOn(today)
            .OrderBy(a => a.Role.ToString(), StringComparer.Ordinal)
            .Select(a => new RoleSummary(a.UnitId, units.Find(a.UnitId)?.Name ?? string.Empty, a.Role, a.Role.DisplayName(), a.EndsOn))
            .ToList();
        return new MemberProfile(
            member.Id,
            member.Name,
            member.Number,
            member.Status,
            member.HasVote,
            Summary(member.BranchId),
            member.PartyGroupId is int groupId ? Summary(groupId) : null,
            roles);
    }
}
