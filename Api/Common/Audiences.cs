using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common;

/// <summary>
/// Who a notice, activity or meeting is for: organisation units (the general branch, branches, party
/// groups) and/or chosen members. Shared by every feature that addresses people.
/// </summary>
public sealed record AudienceRequest(IReadOnlyList<int>? UnitIds, IReadOnlyList<int>? MemberIds)
{
    public IReadOnlyList<int> Units => UnitIds ?? [];

    public IReadOnlyList<int> Members => MemberIds ?? [];

    public bool IsEmpty => Units.Count == 0 && Members.Count == 0;
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

public static class Audiences
{
    /// <summary>
    /// Refuses an audience the poster may not address: every unit must be one they manage, every chosen
    /// member must belong to a branch they manage. Unknown ids are refused the same way, so nothing leaks.
    /// </summary>
    public static async Task<Result> CheckPosterAsync(AppDbContext db, AccessScope access, AudienceRequest audience, CancellationToken cancellationToken)
    {
        if (audience.Units.Any(u => !access.CanManage(u)))
        {
            return DomainError.Forbidden("audience.unit_forbidden", "只能选择您负责的组织作为对象。");
        }

        if (audience.Members.Count > 0)
        {
            var memberIds = audience.Members.Distinct().ToList();
            var found = await db.Members.AsNoTracking()
                .Where(m => memberIds.Contains(m.Id) && m.ArchivedOn == null)
                .Select(m => new { m.BranchId, m.PartyGroupId })
                .ToListAsync(cancellationToken);
            if (found.Count != memberIds.Count || found.Any(m => !access.CanManage(m.BranchId) && !(m.PartyGroupId is int g && access.CanManage(g))))
            {
                return DomainError.Forbidden("audience.member_forbidden", "只能选择您负责组织内的党员作为对象。");
            }
        }

        return Result.Ok;
    }

    /// <summary>
    /// The distinct members an audience reaches today. For <see cref="Visibility.Committee"/> content only
    /// the committee members (active appointments) of the branches involved are reached.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ResolveMembersAsync(AppDbContext db, AudienceRequest audience, Visibility visibility, DateOnly today, CancellationToken cancellationToken)
    {
        var unitIds = audience.Units.Distinct().ToList();
        var units = await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.Kind, u.ParentId)).ToListAsync(cancellationToken);
        var branchIds = new HashSet<int>();
        var groupIds = new HashSet<int>();
        foreach (var unit in units.Where(u => unitIds.Contains(u.Id)))
        {
            switch (unit.Kind)
            {
                case UnitKind.GeneralBranch:
                    branchIds.UnionWith(units.Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.Branch).Select(u => u.Id));
                    break;
                case UnitKind.Branch:
                    branchIds.Add(unit.Id);
                    break;
                case UnitKind.PartyGroup:
                    groupIds.Add(unit.Id);
                    break;
            }
        }

        var chosen = audience.Members.Distinct().ToList();
        var reached = await db.Members.AsNoTracking()
            .Where(m => m.ArchivedOn == null && (branchIds.Contains(m.BranchId) || (m.PartyGroupId != null && groupIds.Contains(m.PartyGroupId.Value)) || chosen.Contains(m.Id)))
            .Select(m => new { m.Id, m.BranchId })
            .ToListAsync(cancellationToken);

        if (visibility != Visibility.Committee)
        {
            return reached.Select(m => m.Id).ToList();
        }

        var involvedBranches = reached.Select(m => m.BranchId).Distinct().ToList();
        var committee = await db.Appointments.AsNoTracking()
            .Where(a => involvedBranches.Contains(a.UnitId) && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => new { a.MemberId, a.Role })
            .ToListAsync(cancellationToken);
        var committeeIds = committee.Where(a => a.Role.IsBranchCommittee()).Select(a => a.MemberId).ToHashSet();
        return reached.Where(m => committeeIds.Contains(m.Id)).Select(m => m.Id).ToList();
    }
}
