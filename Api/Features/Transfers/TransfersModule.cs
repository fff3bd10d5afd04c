using System.ComponentModel.DataAnnotations;
using SmartBranch.Api.Common.Idempotency;

namespace SmartBranch.Api.Features.Transfers;

/// <summary>Letter settings (section "Letters").</summary>
public sealed class LetterOptions
{
    public const string SectionName = "Letters";

    /// <summary>Default validity of an outgoing letter in days (Domain/README.md: configurable; 30 unless set).</summary>
    [Range(1, 366)]
    public int ValidDays { get; set; } = SmartBranch.Domain.Organization.Transfer.DefaultValidDays;

    /// <summary>The sending organisation's name as the letter prints it above the branch (e.g. "中共XX大学委员会"); empty prints the general branch's name.</summary>
    public string? IssuerName { get; set; }

    /// <summary>The public address the letter's QR code and verification line point at (e.g. https://dj.example.edu.cn); empty uses the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>A CJK font file for the PDF (.ttf, .otf or .ttc); empty looks for Debian's fonts-wqy-microhei, then fonts-noto-cjk (Infrastructure/Pdf/README.md).</summary>
    public string? FontPath { get; set; }
}

public static class TransfersModule
{
    /// <summary>Relationship transfer (组织关系转接): options and the letter printer.</summary>
    public static IServiceCollection AddTransfers(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapTransfersEndpoints);
        services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LetterPrinter>();
        services.AddSingleton<IdNumbers>();
        services.AddScoped<TransferReminders>();
        services.AddScoped<TransferStep>();
        return services;
    }

    /// <summary>The transfer endpoints and the anonymous letter verification page.</summary>
    public static IEndpointRouteBuilder MapTransfersEndpoints(this IEndpointRouteBuilder app)
    {
        var transfers = app.MapGroup("/api/transfers").WithTag("Transfers", "组织关系转接: transfers of a member's Party relationship between units, their approval chain and the introduction letter.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        transfers.MapPost("/", RequestTransfer.Handle)
            .WithName(nameof(RequestTransfer))
            .WithSummary("Request a transfer: the member for themself, or the sending branch committee for a member (inside or outgoing)")
            .WithValidation<RequestTransfer.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        transfers.MapGet("/", ListTransfers.Handle)
            .WithName(nameof(ListTransfers))
            .WithSummary("Transfers the caller takes part in: their own, and those from or to branches they manage");

        transfers.MapGet("/{id:int}", GetTransfer.Handle)
            .WithName(nameof(GetTransfer))
            .WithSummary("One transfer with its state and what waits for whom");

        transfers.MapPost("/{id:int}/approve", ApproveTransfer.Handle)
            .WithName(nameof(ApproveTransfer))
            .WithSummary("The sending branch approves (with dues paid up to)")
            .WithValidation<ApproveTransfer.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        transfers.MapPost("/{id:int}/return", ReturnTransfer.Handle)
            .WithName(nameof(ReturnTransfer))
            .WithSummary("The sending branch refuses a request, or the receiving branch returns an approved transfer, with a reason")
            .WithValidation<ReturnTransfer.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        transfers.MapPost("/{id:int}/accept", AcceptTransfer.Handle)
            .WithName(nameof(AcceptTransfer))
            .WithSummary("The receiving branch accepts; the member moves with their history")
            .ProducesProblem(StatusCodes.Status409Conflict);

        transfers.MapPost("/{id:int}/letter", IssueLetter.Handle)
            .WithName(nameof(IssueLetter))
            .WithSummary("Issue the outgoing letter (介绍信); the member leaves the roster")
            .WithValidation<IssueLetter.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        transfers.MapGet("/{id:int}/letter.pdf", GetLetterPdf.Handle)
            .WithName(nameof(GetLetterPdf))
            .WithSummary("The printed letter (application/pdf) with its verification code and QR code")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        transfers.MapPost("/{id:int}/receipt", RecordReceipt.Handle)
            .WithName(nameof(RecordReceipt))
            .WithSummary("Record the receipt (回执) of an outgoing letter")
            .WithValidation<RecordReceipt.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var units = app.MapGroup("/api/org/units").WithTags("Transfers").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        units.MapPost("/{id:int}/incoming", RegisterIncoming.Handle)
            .WithName(nameof(RegisterIncoming))
            .WithSummary("Register a member arriving with a letter from outside; returns the invitation to bind")
            .WithValidation<RegisterIncoming.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        units.MapPost("/{id:int}/transfers/graduation", GraduationBatch.Handle)
            .WithIdempotency()
            .WithName(nameof(GraduationBatch))
            .WithSummary("Graduation batch from xlsx/csv (multipart field \"file\"): all outgoing transfers at once, all or nothing; dryRun=true only checks")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/verify/letters/{code}", VerifyLetter.Handle)
            .WithTags("Transfers")
            .WithName(nameof(VerifyLetter))
            .WithSummary("Public page: is this letter genuine and still valid (nothing else is shown)")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous);
        return app;
    }
}
