using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>A seeded roster entry and the emulator code that signs in as them.</summary>
public sealed record SeededMember(int Id, string Name, string Number, string DevCode, int BranchId, int? PartyGroupId, MembershipStatus Status);

public sealed record SeededBranch(int Id, string Name, int PartyGroupId, SeededMember Secretary, IReadOnlyList<SeededMember> Members)
{
    /// <summary>Secretary first, then the plain members.</summary>
    public IReadOnlyList<SeededMember> Everyone => [Secretary, .. Members];
}

/// <summary>A general branch with its admin and branches, unique to the test that made it.</summary>
public sealed record SeededOrg(int GeneralBranchId, SeededMember Admin, IReadOnlyList<SeededBranch> Branches)
{
    public SeededBranch A => Branches[0];

    public SeededBranch B => Branches[1];
}

/// <summary>Seeds organisations with unique names and numbers, so tests never share data.</summary>
public static class TestOrg
{
    /// <summary>
    /// A general branch with <paramref name="branches"/> branches; each has a secretary, one party group
    /// holding everyone, and <paramref name="members"/> plain bound members, the last
    /// <paramref name="probationary"/> of whom are probationary. The admin sits in the first branch.
    /// </summary>
    public static async Task<SeededOrg> SeedAsync(this AppFactory factory, int branches = 2, int members = 3, int probationary = 0)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var phones = factory.Services.GetRequiredService<PhoneNumbers>();
        return await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var termStart = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
            var general = new OrganizationUnit($"总支{tag}", UnitKind.GeneralBranch, null);
            db.Units.Add(general);
            await db.SaveChangesAsync();

            var seeded = new List<SeededBranch>();
            SeededMember? admin = null;
            for (var b = 0; b < branches; b++)
            {
                var branch = new OrganizationUnit($"支部{tag}-{b}", UnitKind.Branch, general, BranchCategory.Teacher);
                db.Units.Add(branch);
                await db.SaveChangesAsync();
                var group = new OrganizationUnit($"小组{tag}-{b}", UnitKind.PartyGroup, branch);
                db.Units.Add(group);
                await db.SaveChangesAsync();

                SeededMember Add(string role, int index, MembershipStatus status)
                {
                    var name = $"{role}{tag}{b}{index}";
                    var member = new Member(name, $"N{tag}{b}{role}{index}", branch.Id, status);
                    member.PlaceIn(branch.Id, group.Id);
                    member.UpdateDetails(name, member.Number, phones.Protect($"139{Random.Shared.Next(10_000_000, 99_999_999)}"));
                    member.BindTo(WeChatEmulator.OpenIdFor(name), now);
                    db.Members.Add(member);
                    db.SaveChanges();
                    return new SeededMember(member.Id, name, member.Number, $"dev-{name}", branch.Id, group.Id, status);
                }

                var secretary = Add("sec", 0, MembershipStatus.Full);
                db.Appointments.Add(new Appointment(secretary.Id, branch.Id, CommitteeRole.Secretary, termStart));
                var plain = Enumerable.Range(1, members)
                    .Select(i => Add("mem", i, i > members - probationary ? MembershipStatus.Probationary : MembershipStatus.Full))
                    .ToList();
                if (b == 0)
                {
                    admin = Add("adm", 0, MembershipStatus.Full);
                    db.Appointments.Add(new Appointment(admin.Id, general.Id, CommitteeRole.GeneralBranchAdmin, termStart));
                }

                await db.SaveChangesAsync();
                seeded.Add(new SeededBranch(branch.Id, branch.Name, group.Id, secretary, plain));
            }

            return new SeededOrg(general.Id, admin!, seeded);
        });
    }

    /// <summary>
    /// Seeds an organisation as <see cref="SeedAsync"/> does and signs in one of its people: the first branch's secretary,
    /// or whoever <paramref name="who"/> picks (e.g. <c>o =&gt; o.A.Members[0]</c>, <c>o =&gt; o.Admin</c>).
    /// </summary>
    public static async Task<(SeededOrg Org, HttpClient Client)> SeedSignedInAsync(
        this AppFactory factory, int branches = 2, int members = 3, int probationary = 0, Func<SeededOrg, SeededMember>? who = null)
    {
        var org = await factory.SeedAsync(branches, members, probationary);
        return (org, await factory.SignInAsync((who ?? (o => o.A.Secretary))(org)));
    }

    /// <summary>
    /// Appoints a member to <paramref name="role"/> in <paramref name="unitId"/> from <paramref name="startsOn"/> (a year
    /// ago unless said) until <paramref name="endsOn"/> (open unless said); returns the appointment's id.
    /// </summary>
    public static Task<int> AppointAsync(this AppFactory factory, int memberId, int unitId, CommitteeRole role, DateOnly? startsOn = null, DateOnly? endsOn = null) =>
        factory.WithDbAsync(async db =>
        {
            var appointment = new Appointment(memberId, unitId, role, startsOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1), endsOn);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment.Id;
        });
}
