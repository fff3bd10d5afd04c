using SmartBranch.Api.Common.Idempotency;

namespace SmartBranch.Api.Features.Study;

/// <summary>学习教育: study materials (text, audio, video, PDF), assignments, progress and yearly hours. See Api/Features/Study/README.md.</summary>
public static class StudyModule
{
    public static IServiceCollection AddStudy(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapStudyEndpoints);
        services.AddOptions<StudyOptions>().BindConfiguration(StudyOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.MinChunkBytes <= o.MaxChunkBytes, "Study:MinChunkBytes cannot exceed Study:MaxChunkBytes.")
            .ValidateOnStart();
        services.AddSingleton<StudyMediaLinks>();
        services.AddScoped<UploadSweep>();
        services.AddHostedService<UploadSweepWorker>();
        return services;
    }

    /// <summary>
    /// /api/study. Every route that takes a material id answers 404, as for a missing id, to anyone who may not read
    /// it; uploads are their uploader's alone. Media links (/api/study/media/{token}) are anonymous and signed.
    /// </summary>
    public static IEndpointRouteBuilder MapStudyEndpoints(this IEndpointRouteBuilder app)
    {
        // Media links come from <video>/<audio>/<image>, which send no session token: the signed token is the permission.
        app.MapGet("/api/study/media/{token}", GetStudyMedia.Handle)
            .WithTags("Study")
            .AllowAnonymous()
            .WithName(nameof(GetStudyMedia))
            .WithSummary("The bytes behind a signed, expiring media link (range requests: 206, 416)")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var group = app.MapGroup("/api/study").WithTag("Study", "Study (学习教育): materials in text, audio, video and PDF, chunked uploads, assignments, progress and yearly study hours.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/uploads", StartUpload.Handle)
            .WithIdempotency()
            .WithName(nameof(StartUpload))
            .WithSummary("Start a chunked upload of a study file (committee, admins)")
            .WithValidation<StartUpload.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/uploads/{id:guid}", GetUpload.Handle)
            .WithName(nameof(GetUpload))
            .WithSummary("My upload: missing chunks (to resume) and, once complete, the file's facts")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/uploads/{id:guid}/chunks/{index:int}", PutUploadChunk.Handle)
            .WithName(nameof(PutUploadChunk))
            .WithSummary("Store one chunk (raw bytes); sending it again changes nothing")
            .Accepts<byte[]>("application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/uploads/{id:guid}/complete", CompleteUpload.Handle)
            .WithName(nameof(CompleteUpload))
            .WithSummary("Assemble the chunks; type by content, duration by ffprobe, poster from video")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/materials", PublishMaterial.Handle)
            .WithIdempotency()
            .WithName(nameof(PublishMaterial))
            .WithSummary("Publish a study material (branch committee for its branch, admins for all branches)")
            .WithValidation<PublishMaterial.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/materials", ListMaterials.Handle)
            .WithName(nameof(ListMaterials))
            .WithSummary("Materials I may read, newest first, with my progress")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/materials/{id:int}", GetMaterial.Handle)
            .WithName(nameof(GetMaterial))
            .WithSummary("A material with its body, signed media links and my progress")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/materials/{id:int}/approve", ApproveMaterial.Handle)
            .WithName(nameof(ApproveMaterial))
            .WithSummary("Publish a held material (every video): another committee member or an admin")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/materials/{id:int}/progress", ReportProgress.Handle)
            .WithName(nameof(ReportProgress))
            .WithSummary("Report reading or playing; time is credited only as real time passes")
            .WithValidation<ReportProgress.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/assignments", CreateAssignment.Handle)
            .WithIdempotency()
            .WithName(nameof(CreateAssignment))
            .WithSummary("Assign materials to an audience with a due date")
            .WithValidation<CreateAssignment.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/assignments", ListAssignments.Handle)
            .WithName(nameof(ListAssignments))
            .WithSummary("Assignments given to me and those of units I manage");

        group.MapGet("/assignments/{id:int}/completion", GetAssignmentCompletion.Handle)
            .WithName(nameof(GetAssignmentCompletion))
            .WithSummary("Who finished, who is studying, who has not started (committee)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/assignments/{id:int}/remind", RemindAssignment.Handle)
            .WithName(nameof(RemindAssignment))
            .WithSummary("Remind exactly the assignees who have not finished (committee)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/hours/me", GetMyHours.Handle)
            .WithName(nameof(GetMyHours))
            .WithSummary("My study hours in a year, by topic, against the yearly target")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/branches/{branchId:int}/hours", ExportStudyHours.Handle)
            .WithName(nameof(ExportStudyHours))
            .WithSummary("The branch's study hours per member for a year (xlsx or csv; committee)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
