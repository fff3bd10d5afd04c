using SmartBranch.Infrastructure;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>
/// First run of a production install (an empty database): creates the top unit (党总支), a roster entry
/// for its first administrator with the 党总支管理员 appointment, and a one-time invitation that expires,
/// with which that person binds their WeChat account. Nothing else grants the first admin.
/// Running it again creates no second top unit: while the first admin has not bound yet it replaces the
/// invitation (the old ones are revoked), afterwards it changes nothing.
/// <code>dotnet SmartBranch.Api.dll setup --name 信息学院党总支 --admin-name 张三 --admin-number T0001 [--kind GeneralBranch] [--hours 72]</code>
/// </summary>
public static class SetupOrganization
{
    public const string Verb = "setup";

    /// <summary>Default lifetime of the first admin's invitation.</summary>
    public const int DefaultInvitationHours = 72;

    /// <summary>The parsed command line.</summary>
    public sealed record Arguments(string Name, string AdminName, string AdminNumber, int InvitationHours);

    /// <summary>What the run did: the top unit, whether it was created now, and the invitation to hand to the admin (null when none is needed).</summary>
    public sealed record Outcome(int UnitId, bool Created, string? Scene, DateTimeOffset? ExpiresAt, string Message);

    /// <summary>Parses <c>setup --name … --admin-name … --admin-number …</c>; returns the refusal text on bad input.</summary>
    public static (Arguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? Value(string option)
        {
            var index = args.ToList().IndexOf(option);
            return index >= 0 && index + 1 < args.Count ? args[index + 1].Trim() : null;
        }

        var kind = Value("--kind") ?? nameof(UnitKind.GeneralBranch);
        if (kind != nameof(UnitKind.GeneralBranch))
        {
            return (null, $"--kind {kind}: only GeneralBranch (党总支) is supported as the top unit.");
        }

        var name = Value("--name");
        var adminName = Value("--admin-name");
        var adminNumber = Value("--admin-number");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(adminName) || string.IsNullOrEmpty(adminNumber))
        {
            return (null, "usage: setup --name <党总支名称> --admin-name <管理员姓名> --admin-number <管理员学工号> [--kind GeneralBranch] [--hours 72]");
        }

        if (name.Length > OrganizationUnit.NameMaxLength || adminName.Length > Member.NameMaxLength || !MemberFields.IsValidNumber(adminNumber) || adminNumber.Length > Member.NumberMaxLength)
        {
            return (null, "--name, --admin-name or --admin-number is too long, or the number has characters other than letters, digits, _ and -.");
        }

        var hours = DefaultInvitationHours;
        if (Value("--hours") is { } text && (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out hours) || hours is < 1 or > 24 * 90))
        {
            return (null, "--hours must be a whole number of hours from 1 to 2160.");
        }

        return (new Arguments(name, adminName, adminNumber, hours), null);
    }

    /// <summary>The CLI verb: builds the app's services (no web host), migrates the embedded database, runs <see cref="RunAsync"/>.</summary>
    public static async Task<int> RunCommandAsync(string[] args)
    {
        var (arguments, error) = Parse(args.SkipWhile(a => a != Verb).Skip(1).ToList());
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args.Where(a => a != Verb).ToArray());
        builder.AddInfrastructure();
        builder.AddApi();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateIfEmbeddedAsync(CancellationToken.None);
        var outcome = await RunAsync(scope.ServiceProvider, arguments, CancellationToken.None);
        Console.WriteLine(outcome.Message);
        if (outcome.Scene is not null)
        {
            Console.WriteLine($"invitation: {outcome.Scene}");
            Console.WriteLine($"expires:    {LocalCalendar.ToLocal(outcome.ExpiresAt!.Value):yyyy-MM-dd HH:mm} (China time)");
        }

        return 0;
    }

    /// <summary>Does the work against the database of <paramref name="services"/> (a scope).</summary>
    public static async Task<Outcome> RunAsync(IServiceProvider services, Arguments arguments, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = LocalCalendar.Today(now);

        var top = await db.Units.FirstOrDefaultAsync(u => u.ParentId == null && u.ClosedOn == null, cancellationToken);
        var created = top is null;
        Member? admin;
        if (top is null)
        {
            top = new OrganizationUnit(arguments.Name, UnitKind.GeneralBranch, null);
            db.Units.Add(top);
            await db.SaveChangesAsync(cancellationToken);
            if (await db.Members.AnyAsync(m => m.Number == arguments.AdminNumber, cancellationToken))
            {
                throw new InvalidOperationException($"A member with number {arguments.AdminNumber} already exists.");
            }

            admin = new Member(arguments.AdminName, arguments.AdminNumber, top.Id, MembershipStatus.Full);
            db.Members.Add(admin);
            await db.SaveChangesAsync(cancellationToken);
            db.Appointments.Add(new Appointment(admin.Id, top.Id, CommitteeRole.GeneralBranchAdmin, today));
            db.AuditLog.Add(new AuditEntry(admin.Id, top.Id, "org.setup", SubjectTypes.Unit, top.Id, $"初始化：创建{top.Name}，首位管理员 {admin.Name}（{admin.Number}）", now));
        }
        else
        {
            var adminIds = await db.Appointments.Where(a => a.UnitId == top.Id && a.Role == CommitteeRole.GeneralBranchAdmin).Select(a => a.MemberId).ToListAsync(cancellationToken);
            if (await db.Members.AnyAsync(m => adminIds.Contains(m.Id) && m.OpenId != null, cancellationToken))
            {
                return new Outcome(top.Id, false, null, null, $"Already set up: {top.Name} (unit {top.Id}) has a bound administrator. Nothing changed.");
            }

            admin = await db.Members.Where(m => adminIds.Contains(m.Id)).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
            if (admin is null)
            {
                return new Outcome(top.Id, false, null, null, $"Already set up: {top.Name} (unit {top.Id}) exists but has no administrator entry. Nothing changed.");
            }

            var earlier = await db.Invitations.Where(i => i.BranchId == top.Id && i.RevokedAt == null).ToListAsync(cancellationToken);
            earlier.ForEach(i => i.Revoke(now));
        }

        var invitation = new Invitation(top.Id, CreateInvitation.NewCode(), singleUse: true, now.AddHours(arguments.InvitationHours), admin.Id, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var message = created
            ? $"Created {top.Name} (unit {top.Id}). {admin.Name} ({admin.Number}) binds with the invitation below in the mini-program, entering that name and number."
            : $"{top.Name} (unit {top.Id}) already exists; its administrator has not bound yet, so earlier invitations are revoked and this one replaces them.";
        return new Outcome(top.Id, created, invitation.Scene, invitation.ExpiresAt, message);
    }
}
