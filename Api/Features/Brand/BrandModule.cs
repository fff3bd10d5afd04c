using SmartBranch.Api.Common.Idempotency;

namespace SmartBranch.Api.Features.Brand;

public static class BrandModule
{
    /// <summary>Registers the brand area's services.</summary>
    public static IServiceCollection AddBrand(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapBrandEndpoints);
        services.AddOptions<ReachOptions>().BindConfiguration(ReachOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReachCalculator>();
        services.AddSingleton<ScreenSignals>();
        return services;
    }

    /// <summary>
    /// Brand and promotion: brand profiles, stories, images, shares, reach, the big screen. Content a caller may not read answers 404 on every route.
    /// </summary>
    public static IEndpointRouteBuilder MapBrandEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/org/units/{id:int}").WithTag("Brand", "A unit's brand page: motto, colours, logo and public stories.").ProducesProblem(StatusCodes.Status404NotFound);
        units.MapGet("/brand", GetBrand.Handle)
            .WithName(nameof(GetBrand))
            .WithSummary("A branch's or the general branch's brand (public)")
            .AllowAnonymous();
        units.MapPut("/brand", UpdateBrand.Handle)
            .WithName(nameof(UpdateBrand))
            .WithSummary("Set the brand: name, slogan, labels, logo, cover, introduction, theme colour (committee)")
            .WithValidation<UpdateBrand.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        units.MapGet("/reach", GetReach.Handle)
            .WithArgumentRules()
            .WithName(nameof(GetReach))
            .WithSummary("Attention, coverage and heat of the unit's stories and notices per period (committee; general branch: branches side by side)")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapPost("/screen-links", CreateScreenLink.Handle)
            .WithName(nameof(CreateScreenLink))
            .WithSummary("Create a revocable big-screen link (committee)")
            .WithValidation<CreateScreenLink.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapGet("/screen-links", ListScreenLinks.Handle)
            .WithName(nameof(ListScreenLinks))
            .WithSummary("The unit's active big-screen links (committee)")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapPut("/api/screen-links/{id:int}", UpdateScreenLink.Handle)
            .WithTags("Brand")
            .WithName(nameof(UpdateScreenLink))
            .WithSummary("Rename a big-screen link and choose whole names or 王＊＊ on its walls (committee)")
            .WithValidation<UpdateScreenLink.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDelete("/api/screen-links/{id:int}", RevokeScreenLink.Handle)
            .WithTags("Brand")
            .WithName(nameof(RevokeScreenLink))
            .WithSummary("Revoke a big-screen link (committee)")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var stories = app.MapGroup("/api/stories").WithTag("Stories", "Stories (支部风采) a unit publishes, with photos.").RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        stories.MapPost("/", PostStory.Handle)
            .WithIdempotency()
            .WithName(nameof(PostStory))
            .WithSummary("Publish a story (secretary, publicity member) or submit one for approval (members)")
            .WithValidation<PostStory.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        stories.MapPut("/{id:int}", EditStory.Handle)
            .WithName(nameof(EditStory))
            .WithSummary("Edit a story (author, secretary, publicity member)")
            .WithValidation<EditStory.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        stories.MapPost("/{id:int}/approve", ApproveStory.Handle)
            .WithName(nameof(ApproveStory))
            .WithSummary("Approve a submitted story (committee, never the author)")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        stories.MapGet("/", ListStories.Handle)
            .WithName(nameof(ListStories))
            .WithSummary("Stories the caller may read, newest first, cursor-paged; status=pending for the approval queue")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        stories.MapGet("/{id:int}", GetStory.Handle)
            .WithName(nameof(GetStory))
            .WithSummary("Open a story (records the member's first view)");
        stories.MapPost("/{id:int}/like", LikeStory.Handle)
            .WithName(nameof(LikeStory))
            .WithSummary("Like a story (once per member)")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status409Conflict);
        stories.MapPost("/{id:int}/comments", CommentOnStory.Handle)
            .WithName(nameof(CommentOnStory))
            .WithSummary("Comment on a story (through WeChat's text check)")
            .WithValidation<CommentOnStory.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var media = app.MapGroup("/api/media").WithTag("Media", "Image uploads for stories, notices and brand pages, and serving them.");
        media.MapPost("/", UploadMedia.Handle)
            .WithName(nameof(UploadMedia))
            .WithSummary("Upload an image (multipart field \"file\": PNG, JPEG, GIF or WebP; optional field \"visibility\")")
            .RequireAuthorization(Policies.Member)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        media.MapGet("/{id:guid}", GetMedia.Handle)
            .WithName(nameof(GetMedia))
            .WithSummary("An image: public ones to anyone, others by level")
            .ProducesFile("image/png", "image/jpeg", "image/gif", "image/webp")
            .WithSecurityHeadersPolicy(ResponseHeaders.Cacheable)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var shares = app.MapGroup("/api/shares").WithTag("Shares", "Share links and mini-program codes that open a page without signing in.");
        shares.MapPost("/", CreateShare.Handle)
            .WithName(nameof(CreateShare))
            .WithSummary("Share a public story or notice: a share id and the mini-program path carrying it")
            .WithValidation<CreateShare.Request>()
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        shares.MapGet("/{shareId}", GetShare.Handle)
            .WithName(nameof(GetShare))
            .WithSummary("Who shared what and how many distinct people (members among them) opened it (sharer, committee)")
            .RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status404NotFound);
        shares.MapPost("/{shareId}/open", OpenShare.Handle)
            .WithName(nameof(OpenShare))
            .WithSummary("Record that someone opened a share (signed in, or anonymous with a visitor id)")
            .WithValidation<OpenShare.Request>()
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var screen = app.MapGroup("/screen").WithTags("Screen").AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous).ExcludeFromDescription()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        screen.MapGet("/assets/{name}", ScreenPage.Asset).WithName("GetScreenAsset");
        screen.MapGet("/{token}", ScreenPage.Handle).WithName(nameof(ScreenPage));
        screen.MapGet("/{token}/data", GetScreenData.Handle).WithName(nameof(GetScreenData));
        screen.MapGet("/{token}/events", StreamScreen.Handle).WithName(nameof(StreamScreen));
        screen.MapGet("/{token}/check-in-code", GetScreenCheckInCode.Handle).WithName(nameof(GetScreenCheckInCode));
        screen.MapGet("/{token}/check-in-code/image", GetScreenCheckInCode.HandleImage).WithName("GetScreenCheckInCodeImage");
        screen.MapGet("/{token}/trends", GetScreenTrends.Handle).WithName(nameof(GetScreenTrends));
        return app;
    }
}
