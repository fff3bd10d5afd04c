using SmartBranch.Api.Common.Idempotency;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Development;

public static class DevelopmentModule
{
    /// <summary>Member development (发展党员): who owns its reminders, its reminder kind, and the daily reminder job (section <c>Development</c>).</summary>
    public static IServiceCollection AddDevelopment(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapDevelopmentEndpoints);
        // Development reminders (subject id = record id) belong to the record's branch.
        services.AddSubjectOwner(SmartBranch.Domain.Common.SubjectTypes.DevelopmentRecord, (db, id) => db.DevelopmentRecords.Where(r => r.Id == id).Select(r => (int?)r.BranchId));
        services.AddReminderKind(ReminderKind.Development, "发展党员工作提醒", "EMU_DEVELOPMENT_REMINDER",
            ("thing1", KeywordSource.Subject), ("thing2", KeywordSource.Note), ("date3", KeywordSource.Date));
        services.AddOptions<DevelopmentOptions>().BindConfiguration(DevelopmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DevelopmentReminderJob>();
        services.AddHostedService<DevelopmentReminderWorker>();
        return services;
    }

    /// <summary>The development endpoints under /api/development (see Api/Features/Development/README.md).</summary>
    public static IEndpointRouteBuilder MapDevelopmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/development").WithTag("Development", "Member development (发展党员): the 25 steps from application to full membership, timing rules, publicity, worklist and ledger.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/records", CreateRecord.Handle)
            .WithName(nameof(CreateRecord))
            .WithSummary("Start a record with the written application (step 1); the committee of the branch")
            .WithValidation<CreateRecord.Request>()
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/records/{id:int}", GetRecord.Handle)
            .WithName(nameof(GetRecord))
            .WithSummary("One record: events, stage, what comes next and from when, tasks owed");

        group.MapGet("/assigned", ListAssignedRecords.Handle)
            .WithName(nameof(ListAssignedRecords))
            .WithSummary("The people in development I am assigned to as training contact or introducer");

        group.MapPost("/records/{id:int}/steps", RecordStep.Handle)
            .WithName(nameof(RecordStep))
            .WithSummary("Record a step, a thought report or an extension; too early answers 400 with possibleOn")
            .WithValidation<RecordStep.Request>()
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/records/{id:int}/attachments", UploadAttachment.Handle)
            .WithName(nameof(UploadAttachment))
            .WithSummary("Attach a file (multipart file + kind): PDF or image recognised by its bytes, within the media size limit")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/records/{id:int}/publicity", StartPublicity.Handle)
            .WithName(nameof(StartPublicity))
            .WithSummary("Publish the person before admission or confirmation (公示) for the configured working days")
            .WithValidation<StartPublicity.Request>()
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/publicity", ListPublicities.Handle)
            .WithName(nameof(ListPublicities))
            .WithSummary("Publicities running today in the caller's organisation");

        group.MapPost("/publicity/{id:int}/objections", ObjectToPublicity.Handle)
            .WithName(nameof(ObjectToPublicity))
            .WithSummary("Send an objection to a running publicity; only the branch committee reads it")
            .WithValidation<ObjectToPublicity.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/publicity/{id:int}/objections", ListObjections.Handle)
            .WithName(nameof(ListObjections))
            .WithSummary("The objections to a publicity (branch committee only)");

        group.MapGet("/units/{unitId:int}/worklist", GetWorklist.Handle)
            .WithName(nameof(GetWorklist))
            .WithSummary("Overdue and due-this-month tasks and everyone by stage, for a branch or a general branch, on a day")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/units/{unitId:int}/reminders", SendReminders.Handle)
            .WithName(nameof(SendReminders))
            .WithSummary("Remind the owners of today's overdue and due-this-month tasks (secretary, contacts, the person)");

        group.MapGet("/units/{unitId:int}/ledger", ExportLedger.Handle)
            .WithName(nameof(ExportLedger))
            .WithSummary("The ledger (发展党员工作台账) as xlsx (default) or csv: branch, name, number, birth date, each step's date")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/units/{unitId:int}/ledger", ImportLedger.Handle)
            .WithName(nameof(ImportLedger))
            .WithSummary("Import a ledger (multipart field \"file\", xlsx/csv) into a branch: all or nothing, row errors, dryRun=true only checks")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/rules", DevelopmentRulesEndpoints.List)
            .WithName("ListDevelopmentRules")
            .WithSummary("The timing rules in force (configuration table)");

        group.MapPut("/rules/{key}", DevelopmentRulesEndpoints.Set)
            .WithName("SetDevelopmentRule")
            .WithSummary("Change one timing rule (general-branch admin)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        // The person in development is no member yet, so their own endpoints sit behind the signed-in policy only.
        var own = app.MapGroup("/api/development").WithTags("Development").RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        own.MapPost("/bind", BindApplicant.Handle)
            .WithName(nameof(BindApplicant))
            .WithSummary("Bind the signed-in WeChat account to a person in development with the branch's invitation")
            .WithValidation<BindApplicant.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        own.MapGet("/me", GetMyRecord.Handle)
            .WithName(nameof(GetMyRecord))
            .WithSummary("The caller's own record: timeline, next step and from when, contacts")
            .ProducesProblem(StatusCodes.Status404NotFound);

        own.MapPost("/me/thought-reports", SubmitThoughtReport.Handle)
            .WithName(nameof(SubmitThoughtReport))
            .WithSummary("Hand in a thought report (思想汇报)")
            .WithValidation<SubmitThoughtReport.Request>()
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        own.MapPost("/me/attachments", UploadMyAttachment.Handle)
            .WithName(nameof(UploadMyAttachment))
            .WithSummary("Attach a file to the caller's own record (a thought report, the application letter)")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        own.MapGet("/attachments/{id:guid}", GetAttachment.Handle)
            .WithName(nameof(GetAttachment))
            .WithSummary("An attached file, for the person, the committee and the assigned contacts")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
