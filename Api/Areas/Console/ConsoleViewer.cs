using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Areas.Console;

/// <summary>The signed-in member as the console's layout and pages need them: name, roles, the units they manage.</summary>
public sealed record ConsoleUser(int MemberId, string Name, string BranchName, bool IsCommittee, bool IsAdmin, IReadOnlyList<ConsoleUnit> ManagedUnits, IReadOnlyList<string> RoleNames);

/// <summary>A unit the member may manage, for the pages' unit pickers.</summary>
public sealed record ConsoleUnit(int Id, string Name, UnitKind Kind);

/// <summary>
/// Reads <see cref="CurrentMember"/> for the console (the same access the API decides with): a member is on the
/// committee when they hold any active role, and may manage the branches <see cref="AccessScope.ManagedBranchIds"/> lists.
/// </summary>
public sealed class ConsoleViewer(CurrentMember current)
{
    private ConsoleUser? _user;

    public async Task<ConsoleUser?> GetAsync(CancellationToken cancellationToken)
    {
        if (_user is not null || !current.IsBound)
        {
            return _user;
        }

        var member = await current.GetMemberAsync(cancellationToken);
        var access = await current.GetAccessAsync(cancellationToken);
        var units = await current.GetUnitsAsync(cancellationToken);
        var managed = access.VisibleUnitIds()
            .Where(access.CanManage)
            .Select(units.Find)
            .OfType<UnitEntry>()
            .Where(u => u.Kind != UnitKind.PartyGroup)
            .OrderBy(u => u.Kind)
            .ThenBy(u => u.Id)
            .Select(u => new ConsoleUnit(u.Id, u.Name, u.Kind))
            .ToList();
        var roles = access.Roles.Select(r => $"{units.Find(r.UnitId)?.Name}{r.Role.DisplayName()}").ToList();
        _user = new ConsoleUser(member.Id, member.Name, units.Find(member.BranchId)?.Name ?? string.Empty, access.HasAnyManagementRole, access.IsAdmin, managed, roles);
        return _user;
    }

    public async Task<bool> MaySeeAsync(ConsoleAudience audience, CancellationToken cancellationToken) =>
        audience == ConsoleAudience.Member || (await GetAsync(cancellationToken))?.IsCommittee == true;
}
