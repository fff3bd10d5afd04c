using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Features.Activities;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Startup;

internal static partial class DemoData
{
    private static async Task SeedActivitiesAsync(IServiceProvider services, AppDbContext db, DemoOrg org, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = services.GetRequiredService<ReminderScheduler>();
        var options = services.GetRequiredService<IOptions<ActivityOptions>>().Value;
        var secretary = org.Id("T1001");

        // Upcoming, small and nearly full: four of five places taken, so 李明 (dev-member) can take the last
        // one in the walkthrough and the next sign-up lands on the waiting list.
        var themedStart = At(now, 5, 14, 30);
        var themed = await CreateAsync(db, org.Teacher.Id, secretary, new ActivityDetails(
            "主题党日：参观校史馆、重温入党誓词",
            "集体参观校史馆，重温入党誓词，交流学习体会。请着正装，佩戴党员徽章。",
            "校史馆一楼大厅",
            themedStart,
            themedStart.AddHours(2),
            now.AddDays(-1),
            themedStart.AddHours(-12),
            5,
            true,
            Visibility.Internal,
            IsThemedPartyDay: true), [org.Teacher.Id], now.AddDays(-1), cancellationToken);

        var volunteerStart = At(now, 9, 9);
        var volunteer = await CreateAsync(db, org.General.Id, org.Id("T1000"), new ActivityDetails(
            "社区志愿服务：关爱老人健康义诊",
            "党员志愿者协助社区卫生服务站开展义诊和健康宣传，欢迎师生党员报名。",
            "桃源社区服务中心",
            volunteerStart,
            volunteerStart.AddHours(3),
            now.AddHours(-6),
            volunteerStart.AddDays(-1),
            null,
            false,
            Visibility.Public), [org.General.Id], now.AddHours(-6), cancellationToken);

        // Sign-ups through the same guarded path as SignUpForActivity (atomic place counter, start reminders).
        var signUps = new[] { (themed, "T1001"), (themed, "T1003"), (themed, "T1004"), (themed, "T1005"), (volunteer, "S2002"), (volunteer, "T1005") };
        var at = now.AddHours(-5);
        foreach (var (activity, number) in signUps)
        {
            at = at.AddMinutes(37);
            Require((await ActivityEnrollments.SignUpAsync(db, reminders, services.GetRequiredService<SignUpGate>(), activity, org.Id(number), at, options.StartReminderBefore, cancellationToken)).Error);
        }

        await SeedPastActivityAsync(db, org, now, cancellationToken);
    }

    /// <summary>
    /// An activity held four days ago, replayed at the times things happened: created while still in the
    /// future, signed up for, checked in at. The domain methods SignUpAsync and CheckIn rely on are called
    /// directly, because SignUpAsync would schedule start reminders that are long overdue; the row lock
    /// TryTakePlace expects is not needed while nothing else writes (the app is not serving yet).
    /// </summary>
    private static async Task SeedPastActivityAsync(AppDbContext db, DemoOrg org, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = At(now, -4, 9);
        var createdAt = start.AddDays(-10);
        var past = await CreateAsync(db, org.Teacher.Id, org.Id("T1001"), new ActivityDetails(
            "主题党日：学习贯彻党的二十届四中全会精神",
            "集中学习全会公报，分组讨论。",
            "信息学院楼305会议室",
            start,
            start.AddHours(2),
            createdAt,
            start.AddDays(-1),
            20,
            false,
            Visibility.Internal,
            IsThemedPartyDay: true), [org.Teacher.Id], createdAt, cancellationToken);

        // 刘洋 was checked in by the secretary (no phone at hand); 陈静 signed up but did not come. 赵新 is left
        // unbound (for trying the binding flow), so he has signed up for nothing, read nothing, attended nothing.
        var attendees = new (string Number, bool Came, int? ByOrganizer)[]
        {
            ("T1001", true, null), ("T1002", true, null), ("T1003", true, null), ("T1005", true, org.Id("T1001")), ("T1004", false, null),
        };
        var signedUpAt = createdAt.AddHours(2);
        var checkedInAt = start.AddMinutes(-20);
        foreach (var (number, came, byOrganizer) in attendees)
        {
            signedUpAt = signedUpAt.AddHours(1);
            if (!past.TryTakePlace())
            {
                throw new InvalidOperationException("Demo data refused: the past activity is full.");
            }

            var enrollment = new Enrollment(past.Id, org.Id(number), signedUpAt);
            enrollment.Confirm(signedUpAt);
            if (came)
            {
                checkedInAt = checkedInAt.AddMinutes(3);
                Require(enrollment.CheckIn(checkedInAt, byOrganizer));
            }

            db.Enrollments.Add(enrollment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates an activity as CreateActivity does (domain rules checked at <paramref name="at"/>).</summary>
    private static async Task<Activity> CreateAsync(AppDbContext db, int unitId, int createdBy, ActivityDetails details, IReadOnlyList<int> audienceUnits, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (created, error) = Activity.Create(unitId, details, audienceUnits, [], createdBy, CheckInCodes.NewSecret(), at);
        var activity = Require(created, error);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }
}
