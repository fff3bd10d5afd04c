using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Organization;

/// <summary>Who content (a notice, an activity) is addressed to, as asked: organisation units and/or chosen members.</summary>
public sealed record Audience(IReadOnlyList<int> UnitIds, IReadOnlyList<int> MemberIds)
{
    public bool IsEmpty => UnitIds.Count == 0 && MemberIds.Count == 0;
}

/// <summary>Where a member sits in the tree: what the audience rules need to know about a chosen or reached member.</summary>
public readonly record struct MemberPlace(int MemberId, int BranchId, int? PartyGroupId);

/// <summary>The unit that owns posted content and the general branch above it (whose members see its public content).</summary>
public sealed record OwningUnit(int UnitId, int GeneralBranchId);

/// <summary>
/// Who may reach whom (Domain/README.md, "Notices" and "Activities"): a poster addresses only units they manage and
/// members of branches or groups they manage; a branch committee member posts for their own branch only, a
/// general-branch admin for anything below their general branch; committee-only content reaches only the
/// committee of the branches involved. Everything is decided over the <see cref="UnitTree"/> the caller's
/// <see cref="AccessScope"/> was built on, so a request loads the tree once.
/// </summary>
public static class AudiencePolicy
{
    /// <summary>
    /// Refuses an audience the poster may not address. <paramref name="chosen"/> are the places of the
    /// chosen members that exist; an unknown id is refused like a foreign one, so nothing leaks.
    /// </summary>
    public static Result CheckPoster(AccessScope access, Audience audience, IReadOnlyCollection<MemberPlace> chosen)
    {
        if (audience.UnitIds.Any(u => !access.CanManage(u)))
        {
            return DomainError.Forbidden("audience.unit_forbidden", "只能选择您负责的组织作为对象。");
        }

        var asked = audience.MemberIds.Distinct().Count();
        if (chosen.Count != asked || chosen.Any(m => !access.CanManage(m.BranchId) && !(m.PartyGroupId is int g && access.CanManage(g))))
        {
            return DomainError.Forbidden("audience.member_forbidden", "只能选择您负责组织内的党员作为对象。");
        }

        return Result.Ok;
    }

    /// <summary>
    /// The unit that owns content for this audience: the one branch it lies in when the poster sits on that
    /// branch's committee (or manages it), otherwise the general branch the poster administers that holds all
    /// of it. Refused when a committee member addresses more than their own branch.
    /// </summary>
    public static Result<OwningUnit> Owner(AccessScope access, Audience audience, IReadOnlyCollection<MemberPlace> chosen)
    {
        var branches = audience.UnitIds.Select(access.BranchOf)
            .Concat(chosen.Select(m => (int?)m.BranchId))
            .Distinct()
            .ToList();
        if (branches is [int single] && (access.IsCommitteeOf(single) || access.CanManage(single)) && access.Units.Find(single)?.ParentId is int parent)
        {
            return new OwningUnit(single, parent);
        }

        var general = access.Roles
            .Where(r => r.Role == CommitteeRole.GeneralBranchAdmin)
            .Select(r => (int?)r.UnitId)
            .FirstOrDefault(g => branches.All(b => b is null ? audience.UnitIds.All(u => access.IsWithin(u, g!.Value)) : access.IsWithin(b.Value, g!.Value)));
        return general is int id
            ? new OwningUnit(id, id)
            : DomainError.Forbidden("audience.beyond_branch", "支部委员只能向本支部发布通知；面向多个支部的通知请由党总支管理员发布。");
    }

    /// <summary>The branches and party groups whose members an audience's units reach (a general branch reaches its branches).</summary>
    public static (IReadOnlySet<int> Branches, IReadOnlySet<int> Groups) UnitsReached(UnitTree tree, Audience audience)
    {
        var branches = new HashSet<int>();
        var groups = new HashSet<int>();
        foreach (var unit in audience.UnitIds.Distinct().Select(tree.Find).OfType<UnitNode>())
        {
            switch (unit.Kind)
            {
                case UnitKind.GeneralBranch:
                    branches.UnionWith(tree.Units.Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.Branch).Select(u => u.Id));
                    break;
                case UnitKind.Branch:
                    branches.Add(unit.Id);
                    break;
                case UnitKind.PartyGroup:
                    groups.Add(unit.Id);
                    break;
            }
        }

        return (branches, groups);
    }

    /// <summary>
    /// Who receives content of <paramref name="visibility"/> among the members the audience reached: all of
    /// them, except that committee-only content reaches only <paramref name="branchCommittee"/> (members on
    /// the committee of a branch involved, today).
    /// </summary>
    public static IReadOnlyList<int> Recipients(IEnumerable<MemberPlace> reached, Visibility visibility, IReadOnlySet<int> branchCommittee) =>
        reached
            .Where(m => visibility != Visibility.Committee || branchCommittee.Contains(m.MemberId))
            .Select(m => m.MemberId)
            .Distinct()
            .ToList();
}
