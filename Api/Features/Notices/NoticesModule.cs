using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Api.Common.Idempotency;

namespace SmartBranch.Api.Features.Notices;

public static class NoticesModule
{
    /// <summary>Registers the notices area's services.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapNoticesEndpoints);
        services.AddSingleton<FeedCache>();
        services.AddScoped<IBranchLifeSign, NoticePublishedSign>();
        // A notice's reminders belong to the unit that posted it.
        services.AddSubjectOwner(SubjectTypes.Notice, (db, id) => db.Notices.Where(n => n.Id == id).Select(n => (int?)n.UnitId));
        return services;
    }

    /// <summary>
    /// Notices. Every route that takes an id answers 404, the same as for a missing id, to anyone who may
    /// not read that notice, so internal and committee notices cannot be found by guessing.
    /// </summary>
    public static IEndpointRouteBuilder MapNoticesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notices").WithTag("Notices", "通知公告: notices to an audience of units or members, read receipts and sign-offs (签收).").RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", PostNotice.Handle)
            .WithIdempotency()
            .WithName(nameof(PostNotice))
            .WithSummary("Post a notice (committee to their branch, groups or members; admins to any branches)")
            .WithValidation<PostNotice.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListNotices.Handle)
            .WithName(nameof(ListNotices))
            .WithSummary("The caller's notice feed: pinned first, newest next, cursor-paged, with read state")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/unread-count", GetUnreadCount.Handle)
            .WithName(nameof(GetUnreadCount))
            .WithSummary("Unread notices and notices awaiting sign-off, for the badge");

        group.MapGet("/pending", ListPendingNotices.Handle)
            .WithName(nameof(ListPendingNotices))
            .WithSummary("Notices of the caller's units waiting for approval");

        group.MapGet("/{id:int}", GetNotice.Handle)
            .WithName(nameof(GetNotice))
            .WithSummary("Open a notice (records the caller's first read)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:int}", EditNotice.Handle)
            .WithName(nameof(EditNotice))
            .WithSummary("Edit a notice; the earlier text is kept as a revision")
            .WithValidation<EditNotice.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:int}/revisions", ListRevisions.Handle)
            .WithName(nameof(ListRevisions))
            .WithSummary("Earlier texts of an edited notice")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/withdraw", WithdrawNotice.Handle)
            .WithName(nameof(WithdrawNotice))
            .WithSummary("Withdraw a notice: it leaves every feed and count")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/approve", ApproveNotice.Handle)
            .WithName(nameof(ApproveNotice))
            .WithSummary("Approve a held notice (another committee member or an admin, never the poster)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/ack", AckNotice.Handle)
            .WithName(nameof(AckNotice))
            .WithSummary("Sign off a notice (签收)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/recipients", ListRecipients.Handle)
            .WithName(nameof(ListRecipients))
            .WithSummary("Read and sign-off figures and the members by state (committee)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/remind-unread", RemindUnread.Handle)
            .WithName(nameof(RemindUnread))
            .WithSummary("Queue a reminder for exactly the members who have not read the notice (committee)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
