using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Startup;

/// <summary>Section "DemoData".</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    /// <summary>Seed the demo organisation into an empty embedded database.</summary>
    public bool Enabled { get; set; }
}

/// <summary>
/// A small organisation for the demo and for trying the API in Swagger. The WeChat emulator signs in
/// <c>dev-&lt;name&gt;</c> codes; the people below are bound to those names (see README). After the
/// organisation come notices, activities and meetings placed around the current time, and people in development,
/// so every list has something in it (DemoData.Notices.cs, DemoData.Activities.cs, DemoData.Meetings.cs,
/// DemoData.Development.cs).
/// </summary>
internal static partial class DemoData
{
    /// <summary>What the content seeds need to know about the organisation, members by number (T1001 …).</summary>
    private sealed record DemoOrg(OrganizationUnit General, OrganizationUnit Teacher, OrganizationUnit Student, IReadOnlyDictionary<string, Member> Members)
    {
        public int Id(string number) => Members[number].Id;

        public IReadOnlyList<int> Ids(params string[] numbers) => numbers.Select(Id).ToList();
    }

    private sealed record Person(string Name, string Number, string Phone, MembershipStatus Status, string? DevCode, string Group);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData).FullName!);
        var signIn = services.GetService<WeChatEmulator>() is null
            ? "the WeChat emulator is off, so sign in from the mini-program with a real WeChat account"
            : $"sign in with POST /api/auth/wechat-login {{\"code\": \"dev-<name>\"}} (WeChat emulator), e.g. {string.Join(", ", SignInCodes.Append(ApplicantSignIn).Select(c => $"dev-{c.Code} ({c.Who})"))}; "
                + "to sign in to the PC console without a phone, open /console/login and, signed in as one of them, "
                + "POST /api/console-login/tickets/{ticket}/confirm with the page's ticket (#login[data-ticket]; Api/Areas/Console/README.md)";
        if (await db.Units.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data: the database already holds an organisation, so nothing was seeded; {SignIn}", signIn);
            return;
        }

        var phones = services.GetRequiredService<PhoneNumbers>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = LocalCalendar.Today(now);
        var termStart = new DateOnly(today.Year - 1, 9, 1);

        var general = new OrganizationUnit("信息学院党总支", UnitKind.GeneralBranch, null);
        db.Units.Add(general);
        await db.SaveChangesAsync(cancellationToken);

        var teacher = new OrganizationUnit("教工第一党支部", UnitKind.Branch, general, BranchCategory.Teacher);
        var student = new OrganizationUnit("学生第一党支部", UnitKind.Branch, general, BranchCategory.Student);
        db.Units.AddRange(teacher, student);
        await db.SaveChangesAsync(cancellationToken);

        var teacherGroup1 = new OrganizationUnit("教工第一党小组", UnitKind.PartyGroup, teacher);
        var teacherGroup2 = new OrganizationUnit("教工第二党小组", UnitKind.PartyGroup, teacher);
        var studentGroup = new OrganizationUnit("本科生党小组", UnitKind.PartyGroup, student);
        db.Units.AddRange(teacherGroup1, teacherGroup2, studentGroup);
        await db.SaveChangesAsync(cancellationToken);

        var groups = new Dictionary<string, OrganizationUnit>
        {
            ["t1"] = teacherGroup1,
            ["t2"] = teacherGroup2,
            ["s1"] = studentGroup,
        };

        Person[] teachers =
        [
            new("黄志强", "T1000", "13800000000", MembershipStatus.Full, "admin", "t1"),
            new("王建国", "T1001", "13800000001", MembershipStatus.Full, "secretary", "t1"),
            new("李明", "T1002", "13800000002", MembershipStatus.Full, "member", "t1"),
            new("张华", "T1003", "13800000003", MembershipStatus.Full, "organizer", "t2"),
            new("陈静", "T1004", "13800000004", MembershipStatus.Full, null, "t2"),
            new("刘洋", "T1005", "13800000005", MembershipStatus.Probationary, null, "t2"),
            new("赵新", "T1006", "13800000006", MembershipStatus.Full, null, "t1"),
        ];
        Person[] students =
        [
            new("孙悦", "S2001", "13900000001", MembershipStatus.Full, "student-secretary", "s1"),
            new("周杰", "S2002", "13900000002", MembershipStatus.Full, "student", "s1"),
            new("吴婷", "S2003", "13900000003", MembershipStatus.Probationary, null, "s1"),
            new("郑凯", "S2004", "13900000004", MembershipStatus.Full, null, "s1"),
        ];

        var members = new Dictionary<string, Member>();
        foreach (var (branch, people) in new[] { (teacher, teachers), (student, students) })
        {
            foreach (var person in people)
            {
                var member = new Member(person.Name, person.Number, branch.Id, person.Status);
                member.UpdateDetails(person.Name, person.Number, phones.Protect(person.Phone));
                member.PlaceIn(branch.Id, groups[person.Group].Id);
                member.SetMembership(person.Status, new DateOnly(2018, 6, 1), person.Status == MembershipStatus.Full ? new DateOnly(2019, 6, 1) : null);
                if (person.DevCode is not null)
                {
                    member.BindTo(WeChatEmulator.OpenIdFor(person.DevCode), now);
                }

                db.Members.Add(member);
                members[person.Number] = member;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        db.Appointments.AddRange(
            new Appointment(members["T1000"].Id, general.Id, CommitteeRole.GeneralBranchAdmin, termStart),
            new Appointment(members["T1001"].Id, teacher.Id, CommitteeRole.Secretary, termStart),
            new Appointment(members["T1003"].Id, teacher.Id, CommitteeRole.OrganizationCommissioner, termStart),
            new Appointment(members["T1004"].Id, teacherGroup2.Id, CommitteeRole.GroupLeader, termStart),
            new Appointment(members["S2001"].Id, student.Id, CommitteeRole.Secretary, termStart));
        await db.SaveChangesAsync(cancellationToken);

        var org = new DemoOrg(general, teacher, student, members);
        await SeedNoticesAsync(db, org, now, cancellationToken);
        await SeedActivitiesAsync(services, db, org, now, cancellationToken);
        await SeedMeetingsAsync(services, db, org, now, cancellationToken);
        await SeedDevelopmentAsync(db, org, now, cancellationToken);
        logger.LogInformation(
            "Demo data seeded at {At:yyyy-MM-dd HH:mm} (China time): {Units} units, {Members} members, notices, activities, meetings and people in development; {SignIn}",
            LocalCalendar.ToLocal(now), await db.Units.CountAsync(cancellationToken), members.Count, signIn);
    }

    /// <summary>The emulator codes bound to demo members (the part after <c>dev-</c>) and who each one signs in as.</summary>
    internal static readonly IReadOnlyList<(string Code, string Who)> SignInCodes =
    [
        ("admin", "黄志强, general-branch admin"),
        ("secretary", "王建国, teacher branch secretary"),
        ("organizer", "张华, teacher branch organisation commissioner"),
        ("member", "李明, teacher branch member"),
        ("student-secretary", "孙悦, student branch secretary"),
        ("student", "周杰, student branch member"),
    ];

    /// <summary>The emulator code bound to the demo person in development (not a member: <c>GET /api/development/me</c> shows their timeline).</summary>
    internal static readonly (string Code, string Who) ApplicantSignIn = (ApplicantCode, "陈思远, person in development (入党积极分子), student branch");

    /// <summary>A moment <paramref name="days"/> from today (China time) at the given local hour and minute.</summary>
    private static DateTimeOffset At(DateTimeOffset now, int days, int hour, int minute = 0) =>
        LocalCalendar.StartOf(LocalCalendar.Today(now).AddDays(days)).AddHours(hour).AddMinutes(minute);

    /// <summary>A seed that breaks a domain rule is a bug in this file; fail the start-up loudly.</summary>
    private static T Require<T>(T? value, DomainError? error)
        where T : class =>
        value ?? throw new InvalidOperationException($"Demo data refused: {error?.Code} {error?.Message}");

    private static void Require(Result result) => Require(result.Error);

    private static void Require(DomainError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Demo data refused: {error.Code} {error.Message}");
        }
    }
}
