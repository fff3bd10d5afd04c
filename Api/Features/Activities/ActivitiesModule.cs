using SmartBranch.Infrastructure.Redis;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Api.Common.Idempotency;

namespace SmartBranch.Api.Features.Activities;

public static class ActivitiesModule
{
    /// <summary>Registers the activities area's services.</summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapActivitiesEndpoints);
        services.AddOptions<ActivityOptions>().BindConfiguration(ActivityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SignUpGate(sp.GetService<RedisConnection>(), sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddScoped<IBranchLifeSign, ActivityHeldSign>();
        services.AddScoped<ICalendarSource, ActivityCalendarSource>();
        // An activity's reminders belong to the unit that organises it.
        services.AddSubjectOwner(SubjectTypes.Activity, (db, id) => db.Activities.Where(a => a.Id == id).Select(a => (int?)a.UnitId));
        services.AddReminderKind(ReminderKind.Activity, "活动提醒", "EMU_ACTIVITY_REMINDER",
            ("thing1", KeywordSource.Subject), ("time2", KeywordSource.Time), ("thing3", KeywordSource.Place), ("thing4", KeywordSource.Note));
        return services;
    }

    public static IEndpointRouteBuilder MapActivitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activities").WithTag("Activities", "活动: activities members sign up for, enrolments, check-in and waiting lists.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateActivity.Handle)
            .WithIdempotency()
            .WithName(nameof(CreateActivity))
            .WithSummary("Create an activity for a unit the caller manages")
            .WithValidation<CreateActivity.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", UpdateActivity.Handle)
            .WithName(nameof(UpdateActivity))
            .WithSummary("Edit an activity; a higher capacity moves the waiting list up")
            .WithValidation<UpdateActivity.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:int}/cancel", CancelActivity.Handle)
            .WithName(nameof(CancelActivity))
            .WithSummary("Cancel an activity and notify everyone signed up or waiting")
            .WithValidation<CancelActivity.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", ListActivities.Handle)
            .WithName(nameof(ListActivities))
            .WithSummary("Activities open to the caller (scope=open), their sign-ups (mine) or history (past)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id:int}", GetActivity.Handle)
            .WithName(nameof(GetActivity))
            .WithSummary("One activity with the caller's sign-up");

        group.MapPost("/{id:int}/enrollment", SignUpForActivity.Handle)
            .WithName(nameof(SignUpForActivity))
            .WithSummary("Sign up: a place, a waiting-list position, or a refusal saying why")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:int}/enrollment", CancelEnrollment.Handle)
            .WithName(nameof(CancelEnrollment))
            .WithSummary("Cancel the caller's sign-up; the waiting list moves up")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/check-in-code", GetCheckInCode.Handle)
            .WithName(nameof(GetCheckInCode))
            .WithSummary("The rotating check-in code the organiser shows")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/check-in-code/image", GetCheckInCode.HandleImage)
            .WithName("GetCheckInCodeImage")
            .WithSummary("The mini-program code image (PNG) of the current check-in code")
            .ProducesFile("image/png")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/{id:int}/check-in", CheckIn.Handle)
            .WithName(nameof(CheckIn))
            .WithSummary("Check in with the scanned or typed code")
            .WithValidation<CheckIn.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/{id:int}/attendees/{memberId:int}/check-in", CheckInAttendee.Handle)
            .WithName(nameof(CheckInAttendee))
            .WithSummary("The organiser checks a member in by hand")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/attendance", GetAttendance.Handle)
            .WithName(nameof(GetAttendance))
            .WithSummary("Signed up, checked in, absent and the waiting list")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:int}/attendance/export", GetAttendance.HandleExport)
            .WithName("ExportAttendance")
            .WithSummary("The attendance sheet as xlsx or csv (format=xlsx|csv)")
            .ProducesFile(SmartBranch.Api.Common.Tables.TableFile.ContentType(SmartBranch.Api.Common.Tables.TableFormat.Xlsx), SmartBranch.Api.Common.Tables.TableFile.ContentType(SmartBranch.Api.Common.Tables.TableFormat.Csv))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
