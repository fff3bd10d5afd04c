using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>The organisation rules added to <see cref="AccessScope"/>: who may list, see details of, and appoint in a unit.</summary>
public sealed class AccessScopeOrgTests
{
    private const int General = 1, BranchA = 2, BranchB = 3, GroupA = 4, GroupB = 5;

    private static readonly UnitTree Units = new(
    [
        new(General, UnitKind.GeneralBranch, null),
        new(BranchA, UnitKind.Branch, General),
        new(BranchB, UnitKind.Branch, General),
        new(GroupA, UnitKind.PartyGroup, BranchA),
        new(GroupB, UnitKind.PartyGroup, BranchB),
    ]);

    private static AccessScope Scope(params ActiveRole[] roles) => new(10, BranchA, GroupA, roles, Units);

    [Test]
    public void ListsOwnBranchAndGroupsOnly_WhenPlainMember()
    {
        var member = Scope();

        Assert.Multiple(() =>
        {
            Assert.That(member.CanSeeMembersOf(BranchA), Is.True);
            Assert.That(member.CanSeeMembersOf(GroupA), Is.True);
            Assert.That(member.CanSeeMembersOf(General), Is.False);
            Assert.That(member.CanSeeMembersOf(BranchB), Is.False);
            Assert.That(member.CanSeePersonalDetails(BranchA), Is.False);
            Assert.That(member.CanAppointIn(GroupA), Is.False);
        });
    }

    [Test]
    public void SeesDetailsButCannotAppointInOwnGroup_WhenGroupLeader()
    {
        var leader = Scope(new ActiveRole(GroupA, CommitteeRole.GroupLeader));

        Assert.Multiple(() =>
        {
            Assert.That(leader.CanManage(GroupA), Is.True);
            Assert.That(leader.CanAppointIn(GroupA), Is.False);
            Assert.That(leader.CanSeePersonalDetails(BranchA), Is.False, "phones stay masked for everyone but the committee");
        });
    }

    [Test]
    public void AppointsInBranchAndItsGroupsOnly_WhenCommitteeMember()
    {
        var commissioner = Scope(new ActiveRole(BranchA, CommitteeRole.OrganizationCommissioner));

        Assert.Multiple(() =>
        {
            Assert.That(commissioner.CanAppointIn(BranchA), Is.True);
            Assert.That(commissioner.CanAppointIn(GroupA), Is.True);
            Assert.That(commissioner.CanAppointIn(General), Is.False);
            Assert.That(commissioner.CanAppointIn(GroupB), Is.False);
            Assert.That(commissioner.CanSeePersonalDetails(BranchA), Is.True);
            Assert.That(commissioner.CanSeePersonalDetails(BranchB), Is.False);
        });
    }

    [Test]
    public void DoesEverythingBelow_WhenAdmin()
    {
        var admin = Scope(new ActiveRole(General, CommitteeRole.GeneralBranchAdmin));

        Assert.That(new[] { General, BranchA, BranchB, GroupA, GroupB }.All(admin.CanAppointIn), Is.True);
        Assert.That(new[] { General, BranchB, GroupB }.All(admin.CanSeeMembersOf), Is.True);
        Assert.That(admin.CanSeePersonalDetails(BranchB), Is.True);
    }
}
