using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common;

/// <summary>
/// Who a notice or activity is for, as the request carries it: organisation units (the general branch,
/// branches, party groups) and/or chosen members. Shared by every feature that addresses people.
/// </summary>
public sealed record AudienceRequest(IReadOnlyList<int>? UnitIds, IReadOnlyList<int>? MemberIds)
{
    public IReadOnlyList<int> Units => UnitIds ?? [];

    public IReadOnlyList<int> Members => MemberIds ?? [];

    public bool IsEmpty => Units.Count == 0 && Members.Count == 0;

    /// <summary>The domain's view of it: distinct ids.</summary>
    public Audience ToAudience() => new(Units.Distinct().ToList(), Members.Distinct().ToList());
}

public sealed class AudienceRequestValidator : AbstractValidator<AudienceRequest>
{
    public AudienceRequestValidator()
    {
        RuleFor(a => a).Must(a => !a.IsEmpty).WithName("audience").WithMessage("请至少选择一个组织或党员作为对象。");
        RuleFor(a => a.Units).Must(u => u.Count <= 100).WithMessage("组织数量不能超过100个。");
        RuleFor(a => a.Members).Must(m => m.Count <= 2000).WithMessage("党员数量不能超过2000人。");
    }
}

/// <summary>
/// Loads what <see cref="AudiencePolicy"/> decides on, once per request: the chosen members' places (kept
/// for the rest of the request) and the members an audience reaches. The unit tree comes from the caller's
/// <see cref="AccessScope"/>, which already loaded it.
/// </summary>
public sealed class AudienceResolver(AppDbContext db)
{
    private readonly Dictionary<int, MemberPlace> _places = [];

    /// <summary>Where the audience's chosen members sit; ids that do not exist are left out.</summary>
    public async Task<IReadOnlyList<MemberPlace>> ChosenAsync(Audience audience, CancellationToken cancellationToken)
    {
        var missing = audience.MemberIds.Where(id => !_places.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var found = await db.Members.AsNoTracking()
                .Where(m => missing.Contains(m.Id) && m.ArchivedOn == null)
                .Select(m => new MemberPlace(m.Id, m.BranchId, m.PartyGroupId))
                .ToListAsync(cancellationToken);
            foreach (var place in found)
            {
                _places[place.MemberId] = place;
            }
        }

        return audience.MemberIds.Distinct().Where(_places.ContainsKey).Select(id => _places[id]).ToList();
    }

    /// <summary>
    /// The unit that owns content (a notice, a study material or assignment) the caller posts to
    /// <paramref name="audience"/>, or the refusal (403): <paramref name="notPoster"/> when the caller sits on no
    /// committee and administers nothing (<see cref="AccessScope.CanPostNotices"/>), then
    /// <see cref="AudiencePolicy.CheckPoster"/> and <see cref="AudiencePolicy.Owner"/>.
    /// </summary>
    public async Task<Result<OwningUnit>> PostingOwnerAsync(AccessScope access, Audience audience, string notPoster, CancellationToken cancellationToken)
    {
        if (!access.CanPostNotices)
        {
            return Refusals.Forbidden(notPoster);
        }

        var chosen = await ChosenAsync(audience, cancellationToken);
        return AudiencePolicy.CheckPoster(access, audience, chosen) is { Error: { } refused } ? refused : AudiencePolicy.Owner(access, audience, chosen);
    }

    /// <inheritdoc cref="AudiencePolicy.CheckPoster"/>
    public async Task<Result> CheckPosterAsync(AccessScope access, Audience audience, CancellationToken cancellationToken) =>
        AudiencePolicy.CheckPoster(access, audience, await ChosenAsync(audience, cancellationToken));

    /// <summary>
    /// The distinct members the audience reaches today: everyone in its units and the chosen members, or for
    /// <see cref="Visibility.Committee"/> content only the committee of the branches involved.
    /// </summary>
    public async Task<IReadOnlyList<int>> RecipientsAsync(UnitTree tree, Audience audience, Visibility visibility, DateOnly today, CancellationToken cancellationToken)
    {
        var (branches, groups) = AudiencePolicy.UnitsReached(tree, audience);
        var chosen = audience.MemberIds;
        var reached = await db.Members.AsNoTracking()
            .Where(m => m.ArchivedOn == null && (branches.Contains(m.BranchId) || (m.PartyGroupId != null && groups.Contains(m.PartyGroupId.Value)) || chosen.Contains(m.Id)))
            .Select(m => new MemberPlace(m.Id, m.BranchId, m.PartyGroupId))
            .ToListAsync(cancellationToken);
        if (visibility != Visibility.Committee)
        {
            return AudiencePolicy.Recipients(reached, visibility, new HashSet<int>());
        }

        var involved = reached.Select(m => m.BranchId).Distinct().ToList();
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => involved.Contains(a.UnitId) && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => new { a.MemberId, a.Role })
            .ToListAsync(cancellationToken);
        return AudiencePolicy.Recipients(reached, visibility, appointments.Where(a => a.Role.IsBranchCommittee()).Select(a => a.MemberId).ToHashSet());
    }
}
