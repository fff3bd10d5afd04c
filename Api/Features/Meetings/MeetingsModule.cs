using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Api.Common.Idempotency;

namespace SmartBranch.Api.Features.Meetings;

public static class MeetingsModule
{
    /// <summary>Registers the meetings area's services.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapMeetingsEndpoints);
        services.AddOptions<MeetingOptions>().BindConfiguration(MeetingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IBranchLifeSign, MeetingHeldSign>();
        services.AddScoped<ICalendarSource, MeetingCalendarSource>();
        // A meeting's reminders belong to the unit that holds it (a branch, or a party group for group meetings);
        // leave-request messages (to the convener, and the decision to the member) to the meeting's unit.
        services.AddSubjectOwner(SubjectTypes.Meeting, (db, id) => db.Meetings.Where(m => m.Id == id).Select(m => (int?)m.UnitId));
        services.AddSubjectOwner(SubjectTypes.LeaveRequest, (db, id) =>
            from leave in db.LeaveRequests
            join meeting in db.Meetings on leave.MeetingId equals meeting.Id
            where leave.Id == id
            select (int?)meeting.UnitId);
        services.AddReminderKind(ReminderKind.Meeting, "会议提醒", "EMU_MEETING_REMINDER",
            ("thing1", KeywordSource.Subject), ("time2", KeywordSource.Time), ("thing3", KeywordSource.Place), ("thing4", KeywordSource.Note));
        services.AddReminderKind(ReminderKind.LeaveDecision, "请假审批结果", "EMU_LEAVE_DECISION",
            ("thing1", KeywordSource.Subject), ("phrase2", KeywordSource.Note), ("time3", KeywordSource.Time));
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/meetings").WithTag("Meetings", "三会一课: meetings, attendance, minutes and leave requests (请假).").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        meetings.MapPost("/", ScheduleMeeting.Handle)
            .WithIdempotency()
            .WithName(nameof(ScheduleMeeting))
            .WithSummary("Schedule a meeting; attendees follow from the type and can be adjusted; reminders are scheduled")
            .WithValidation<ScheduleMeeting.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        meetings.MapPut("/{id:int}", UpdateMeeting.Handle)
            .WithName(nameof(UpdateMeeting))
            .WithSummary("Change a meeting; moving it moves its reminders and tells the attendees")
            .WithValidation<UpdateMeeting.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapPost("/{id:int}/cancel", CancelMeeting.Handle)
            .WithName(nameof(CancelMeeting))
            .WithSummary("Cancel a meeting: pending reminders are cancelled and attendees are told")
            .WithValidation<CancelMeeting.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapGet("/", ListMeetings.Handle)
            .WithName(nameof(ListMeetings))
            .WithSummary("Meetings the caller may see: scope=upcoming (default), past, or mine (attendance history); unitId narrows to one unit's")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        meetings.MapGet("/{id:int}", GetMeeting.Handle)
            .WithName(nameof(GetMeeting))
            .WithSummary("A meeting with its quorum, resolutions and the caller's attendance and leave")
            .ProducesProblem(StatusCodes.Status404NotFound);

        meetings.MapPost("/{id:int}/leave-requests", RequestLeave.Handle)
            .WithName(nameof(RequestLeave))
            .WithSummary("Ask for leave before the meeting starts; the convener is told")
            .WithValidation<RequestLeave.Request>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapGet("/{id:int}/check-in-code", GetMeetingCheckInCode.Handle)
            .WithName(nameof(GetMeetingCheckInCode))
            .WithSummary("The rotating check-in code (mini-program code image and six digits) for the organiser to show")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapPost("/{id:int}/check-in", CheckInToMeeting.Handle)
            .WithName(nameof(CheckInToMeeting))
            .WithSummary("Check in with the code shown at the meeting; late after the grace period")
            .WithValidation<CheckInToMeeting.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapPost("/{id:int}/attendees/{memberId:int}/check-in", CheckInMeetingAttendee.Handle)
            .WithName(nameof(CheckInMeetingAttendee))
            .WithSummary("The organiser checks a member in by hand or corrects their attendance")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapGet("/{id:int}/attendance", GetMeetingAttendance.Handle)
            .WithName(nameof(GetMeetingAttendance))
            .WithSummary("Roll call: each expected attendee's vote, attendance and leave, with totals and quorum")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        meetings.MapGet("/{id:int}/attendance-sheet", GetAttendanceSheet.Handle)
            .WithName(nameof(GetAttendanceSheet))
            .WithSummary("The printable sign-in sheet (签到表) as an A4 PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        meetings.MapPost("/{id:int}/resolutions", RecordResolution.Handle)
            .WithName(nameof(RecordResolution))
            .WithSummary("Record a vote at a branch general meeting; passes with more than half of all voters, refused when not quorate")
            .WithValidation<RecordResolution.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapPut("/{id:int}/minutes", SaveMinutes.Handle)
            .WithName(nameof(SaveMinutes))
            .WithSummary("Write the minutes; once published every save adds a revision")
            .WithValidation<SaveMinutes.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapGet("/{id:int}/minutes", GetMinutes.Handle)
            .WithName(nameof(GetMinutes))
            .WithSummary("The minutes with every published revision, by the meeting's information level")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var leave = app.MapGroup("/api/leave-requests").WithTags("Meetings").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        leave.MapPost("/{id:int}/approve", DecideLeave.Approve)
            .WithName("ApproveLeave")
            .WithSummary("Approve a leave request; the member is told and marked on leave")
            .WithValidation<DecideLeave.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        leave.MapPost("/{id:int}/reject", DecideLeave.Reject)
            .WithName("RejectLeave")
            .WithSummary("Refuse a leave request; the member is told")
            .WithValidation<DecideLeave.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var units = app.MapGroup("/api/org/units").WithTags("Meetings").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        units.MapGet("/{id:int}/compliance", GetCompliance.Handle)
            .WithArgumentRules()
            .WithName(nameof(GetCompliance))
            .WithSummary("Required vs held meetings per type over a period, with missing months/quarters/years and the inactive flag")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        units.MapGet("/{id:int}/attendance-trend", GetAttendanceTrend.Handle)
            .WithArgumentRules()
            .WithName(nameof(GetAttendanceTrend))
            .WithSummary("Attendance at ended meetings month by month (months=1..36, default 12): meetings, expected, present, on leave, rate (committee, admins)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        units.MapPut("/{id:int}/meeting-cadences/{type}", SetMeetingCadence.Handle)
            .WithName(nameof(SetMeetingCadence))
            .WithSummary("Set how often the branch must hold a meeting type")
            .WithValidation<SetMeetingCadence.Request>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
