using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>Who may reach whom, decided over the unit tree alone (no database).</summary>
public sealed class AudiencePolicyTests
{
    private const int General = 1, BranchA = 2, BranchB = 3, GroupA = 4;

    private static readonly UnitTree Units = new(
    [
        new(General, UnitKind.GeneralBranch, null),
        new(BranchA, UnitKind.Branch, General),
        new(BranchB, UnitKind.Branch, General),
        new(GroupA, UnitKind.PartyGroup, BranchA),
    ]);

    private static readonly AccessScope SecretaryOfA = new(10, BranchA, null, [new ActiveRole(BranchA, CommitteeRole.Secretary)], Units);

    private static readonly AccessScope Admin = new(11, BranchA, null, [new ActiveRole(General, CommitteeRole.GeneralBranchAdmin)], Units);

    [Test]
    public void RefusesAnotherBranch_WhenASecretaryAddressesIt()
    {
        var refusal = AudiencePolicy.CheckPoster(SecretaryOfA, new Audience([BranchB], []), []).Error;

        Assert.That((refusal?.Code, refusal?.Kind), Is.EqualTo(("audience.unit_forbidden", ErrorKind.Forbidden)));
    }

    [Test]
    public void RefusesAMemberOfAnotherBranchAndAnUnknownId_WhenChosenBySecretary()
    {
        var foreign = AudiencePolicy.CheckPoster(SecretaryOfA, new Audience([], [50]), [new MemberPlace(50, BranchB, null)]);
        var unknown = AudiencePolicy.CheckPoster(SecretaryOfA, new Audience([], [51]), []);

        Assert.That(new[] { foreign.Error?.Code, unknown.Error?.Code }, Is.All.EqualTo("audience.member_forbidden"));
    }

    [Test]
    public void OwnsTheNoticeInTheBranch_WhenASecretaryAddressesTheirBranchAndGroup()
    {
        var owner = AudiencePolicy.Owner(SecretaryOfA, new Audience([BranchA, GroupA], []), []).Value;

        Assert.That(owner, Is.EqualTo(new OwningUnit(BranchA, General)));
    }

    [Test]
    public void OwnsTheNoticeInTheGeneralBranch_WhenAnAdminAddressesTwoBranches()
    {
        var owner = AudiencePolicy.Owner(Admin, new Audience([BranchA], []), [new MemberPlace(60, BranchB, null)]).Value;

        Assert.That(owner, Is.EqualTo(new OwningUnit(General, General)));
    }

    [Test]
    public void ReachesTheBranchesBelow_WhenTheGeneralBranchIsAddressed()
    {
        var (branches, groups) = AudiencePolicy.UnitsReached(Units, new Audience([General, GroupA], []));

        Assert.Multiple(() =>
        {
            Assert.That(branches, Is.EquivalentTo(new[] { BranchA, BranchB }));
            Assert.That(groups, Is.EquivalentTo(new[] { GroupA }));
        });
    }

    [Test]
    public void ReachesOnlyTheCommittee_WhenContentIsCommitteeOnly()
    {
        MemberPlace[] reached = [new(1, BranchA, null), new(2, BranchA, GroupA), new(3, BranchA, null)];

        var recipients = AudiencePolicy.Recipients(reached, Visibility.Committee, new HashSet<int> { 3 });
        var everyone = AudiencePolicy.Recipients(reached, Visibility.Internal, new HashSet<int> { 3 });

        Assert.Multiple(() =>
        {
            Assert.That(recipients, Is.EqualTo(new[] { 3 }));
            Assert.That(everyone, Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }
}
