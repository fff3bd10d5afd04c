namespace SmartBranch.Api.Features.Appraisals;

/// <summary>民主评议党员: yearly appraisal rounds with secret ballots.</summary>
public static class AppraisalsModule
{
    public static IServiceCollection AddAppraisals(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapAppraisalsEndpoints);
        services.AddOptions<AppraisalOptions>().BindConfiguration(AppraisalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Every route needs a bound member; a round outside the caller's branch (and the branches they manage) is 404.</summary>
    public static IEndpointRouteBuilder MapAppraisalsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appraisals").WithTag("Appraisals", "民主评议党员: yearly appraisal rounds with secret ballots.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", OpenAppraisalRound.Handle)
            .WithName(nameof(OpenAppraisalRound))
            .WithSummary("Open an appraisal round for a branch (committee or admin)")
            .WithValidation<OpenAppraisalRound.Request>();

        group.MapGet("/", ListAppraisalRounds.Handle)
            .WithName(nameof(ListAppraisalRounds))
            .WithSummary("Appraisal rounds of a branch (default: the caller's)");

        group.MapGet("/{id:int}", GetAppraisalRound.Handle)
            .WithName(nameof(GetAppraisalRound))
            .WithSummary("A round as a ballot form, with the caller's voting state");

        group.MapPost("/{id:int}/ballots", CastBallots.Handle)
            .WithName(nameof(CastBallots))
            .WithSummary("Cast the caller's secret ballot (one grade per appraised member)")
            .WithValidation<CastBallots.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:int}/self-appraisal", WriteSelfAppraisal.Handle)
            .WithName(nameof(WriteSelfAppraisal))
            .WithSummary("An appraised member writes their self-appraisal")
            .WithValidation<WriteSelfAppraisal.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:int}/close", CloseAppraisalRound.Handle)
            .WithName(nameof(CloseAppraisalRound))
            .WithSummary("Close the voting (committee or admin)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/results", GetAppraisalResults.Handle)
            .WithName(nameof(GetAppraisalResults))
            .WithSummary("Results of a closed round: counts per grade, turnout, non-voters")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/results.xlsx", ExportAppraisalResults.Handle)
            .WithName(nameof(ExportAppraisalResults))
            .WithSummary("Results of a closed round as xlsx")
            .ProducesFile(SmartBranch.Api.Common.Tables.TableFile.ContentType(SmartBranch.Api.Common.Tables.TableFormat.Xlsx))
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
