namespace SmartBranch.Api.Features.Mailbox;

/// <summary>书记信箱: members write to their secretary or the general branch; answers are owed on time.</summary>
public static class MailboxModule
{
    public static IServiceCollection AddMailbox(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapMailboxEndpoints);
        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.ReplyWorkingDays.Values.All(d => d is >= 1 and <= 60), "Mailbox:ReplyWorkingDays: every period is 1 to 60 working days.")
            .ValidateOnStart();
        services.AddScoped<MailboxReminders>();
        return services;
    }

    /// <summary>
    /// Every route needs a bound member. A message is visible to its writer and its readers only; anyone else
    /// gets 404, as for a missing id.
    /// </summary>
    public static IEndpointRouteBuilder MapMailboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailbox").WithTag("Mailbox", "书记信箱: members write to their secretary or the general branch; answers are owed on time.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", SendMailboxMessage.Handle)
            .WithName(nameof(SendMailboxMessage))
            .WithSummary("Write to the branch secretary or the general branch (optionally anonymous)")
            .WithValidation<SendMailboxMessage.Request>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/mine", ListMyMailboxMessages.Handle)
            .WithName(nameof(ListMyMailboxMessages))
            .WithSummary("The caller's own messages with their answers");

        group.MapGet("/", ListMailbox.Handle)
            .WithName(nameof(ListMailbox))
            .WithSummary("Messages the caller answers (secretary, deputy, general-branch admin), overdue ones flagged")
            .WithArgumentRules()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/figures", GetMailboxFigures.Handle)
            .WithName(nameof(GetMailboxFigures))
            .WithSummary("Per branch: messages, answered on time (%), median hours to answer (general-branch admins)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}", GetMailboxMessage.Handle)
            .WithName(nameof(GetMailboxMessage))
            .WithSummary("One message, for its writer or a reader")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/answer", AnswerMailboxMessage.Handle)
            .WithName(nameof(AnswerMailboxMessage))
            .WithSummary("Answer a message; the writer is reminded")
            .WithValidation<AnswerMailboxMessage.Request>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:int}/resolution", MarkMailboxResolution.Handle)
            .WithName(nameof(MarkMailboxResolution))
            .WithSummary("The writer marks the answer resolved, or not resolved (reopens it)")
            .WithValidation<MarkMailboxResolution.Request>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
