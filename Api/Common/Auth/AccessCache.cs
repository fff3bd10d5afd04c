using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Api.Common.Auth;

/// <summary>An appointment with its term; whether it gives rights is decided per request, on that day.</summary>
public readonly record struct CachedAppointment(int UnitId, CommitteeRole Role, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// A bound member as authentication, access decisions and the profile need them. It holds every appointment
/// with its dates rather than today's roles, so a term that ends at midnight gives no rights the next day
/// although nothing changed in the database.
/// </summary>
[ImmutableObject(true)]
public sealed record CachedMember(int Id, string Name, string Number, MembershipStatus Status, int BranchId, int? PartyGroupId, IReadOnlyList<CachedAppointment> Appointments)
{
    public bool HasVote => Status == MembershipStatus.Full;

    /// <summary>The appointments in their term on <paramref name="today"/> (China date).</summary>
    public IEnumerable<CachedAppointment> ActiveOn(DateOnly today) => Appointments.Where(a => a.StartsOn <= today && a.EndsOn >= today);
}

/// <summary>What a WeChat account maps to: a member, or nobody yet (cached too: unbound users poll as well).</summary>
[ImmutableObject(true)]
public sealed record CachedIdentity(CachedMember? Member);

/// <summary>A unit with its name, as the tree is cached.</summary>
public sealed record UnitEntry(int Id, string Name, UnitKind Kind, int? ParentId);

/// <summary>The whole organisation tree (a university has about a thousand units), loaded once per generation.</summary>
[ImmutableObject(true)]
public sealed class CachedUnits
{
    private readonly Dictionary<int, UnitEntry> _byId;

    [JsonConstructor]
    public CachedUnits(IReadOnlyList<UnitEntry> units)
    {
        Units = units;
        _byId = units.ToDictionary(u => u.Id);
        Tree = new UnitTree(units.Select(u => new UnitNode(u.Id, u.Kind, u.ParentId)));
    }

    public IReadOnlyList<UnitEntry> Units { get; }

    /// <summary>The tree as <see cref="AccessScope"/> reads it.</summary>
    [JsonIgnore]
    public UnitTree Tree { get; }

    public UnitEntry? Find(int id) => _byId.GetValueOrDefault(id);
}

/// <summary>
/// Members by openid and the unit tree, cached in process (HybridCache, L1 only) under the current
/// <see cref="IAccessGeneration"/>. Every committed change to members, appointments or units starts a new
/// generation (<c>AccessChangeInterceptor</c>), and every request reads the generation from Redis in the same
/// round trip as its session, so all instances stop using an entry on their next request after the change.
/// </summary>
public sealed class AccessCache(HybridCache cache, IAccessGeneration generation)
{
    // Old generations are never read again; they only wait here to be evicted.
    private static readonly HybridCacheEntryOptions EntryOptions = new()
    {
        Expiration = TimeSpan.FromMinutes(5),
        LocalCacheExpiration = TimeSpan.FromMinutes(5),
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    /// <summary>The generation to read the cache with during this request.</summary>
    public Task<string> GenerationAsync(CancellationToken cancellationToken) => generation.CurrentAsync(cancellationToken);

    public ValueTask<CachedIdentity> GetIdentityAsync(AppDbContext db, string openId, string currentGeneration, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(
            $"sb:access:{currentGeneration}:openid:{openId}",
            (db, openId),
            static async (state, token) => new CachedIdentity(await LoadMemberAsync(state.db, state.openId, token)),
            EntryOptions,
            cancellationToken: cancellationToken);

    public ValueTask<CachedUnits> GetUnitsAsync(AppDbContext db, string currentGeneration, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(
            $"sb:access:{currentGeneration}:units",
            db,
            static async (db, token) => new CachedUnits(await db.Units.AsNoTracking()
                .Select(u => new UnitEntry(u.Id, u.Name, u.Kind, u.ParentId))
                .ToListAsync(token)),
            EntryOptions,
            cancellationToken: cancellationToken);

    private static async Task<CachedMember?> LoadMemberAsync(AppDbContext db, string openId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.OpenId == openId)
            .Select(m => new { m.Id, m.Name, m.Number, m.Status, m.BranchId, m.PartyGroupId })
            .FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.MemberId == member.Id)
            .Select(a => new CachedAppointment(a.UnitId, a.Role, a.StartsOn, a.EndsOn))
            .ToListAsync(cancellationToken);
        return new CachedMember(member.Id, member.Name, member.Number, member.Status, member.BranchId, member.PartyGroupId, appointments);
    }
}
