using SmartBranch.Infrastructure.Redis;

namespace SmartBranch.Api.Features.Org;

public static class OrgModule
{
    /// <summary>The organisation area's services: binding limits, options, the flag sweep and its background loop.</summary>
    public static IServiceCollection AddOrg(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapOrgEndpoints);
        services.AddOptions<OrgOptions>().BindConfiguration(OrgOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OrgFlags>();
        services.AddHostedService<OrgSweepWorker>();
        services.AddOptions<BindingOptions>().BindConfiguration(BindingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new BindFailureLimiter(sp.GetService<RedisConnection>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<BindingOptions>>()));
        return services;
    }

    /// <summary>The organisation tree, the roster, appointments, invitations and WeChat binding.</summary>
    public static IEndpointRouteBuilder MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        var org = app.MapGroup("/api/org/units").WithTag("Organisation", "The unit tree (总支, 支部, 党小组), appointments and invitations to join.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        org.MapGet("/", ListUnits.Handle)
            .WithName(nameof(ListUnits))
            .WithSummary("The organisation tree visible to the caller");

        org.MapPost("/", CreateUnit.Handle)
            .WithName(nameof(CreateUnit))
            .WithSummary("Create a branch under a general branch or a party group under a branch (admins; a branch committee for its groups)")
            .WithValidation<CreateUnit.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        org.MapPut("/{id:int}", UpdateUnit.Handle)
            .WithName(nameof(UpdateUnit))
            .WithSummary("Rename a unit and/or move it under another parent (whoever manages its parent)")
            .WithValidation<UpdateUnit.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        org.MapPost("/{id:int}/close", CloseUnit.Handle)
            .WithName(nameof(CloseUnit))
            .WithSummary("Close (撤销) a unit without active members or open units below it; its history stays")
            .ProducesProblem(StatusCodes.Status409Conflict);

        org.MapGet("/{id:int}/invitations", ListInvitations.Handle)
            .WithName(nameof(ListInvitations))
            .WithSummary("The branch's binding invitations with their state (Active, Used, Expired, Revoked)");

        org.MapGet("/{id:int}/away", ListAwayMembers.Handle)
            .WithName(nameof(ListAwayMembers))
            .WithSummary("Members away six months or more without a transfer (no check-in while their branch met)");

        org.MapGet("/{id:int}", GetUnit.Handle)
            .WithName(nameof(GetUnit))
            .WithSummary("A unit with its parent, children, committee today and head count");

        org.MapGet("/{id:int}/members", ListMembers.Handle)
            .WithName(nameof(ListMembers))
            .WithSummary("Member directory of a unit (full details for its committee, masked phones for others)");

        org.MapPost("/{id:int}/members", AddMember.Handle)
            .WithName(nameof(AddMember))
            .WithSummary("Add a roster entry to a branch (committee and admins)")
            .WithValidation<MemberDetails>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        org.MapPost("/{id:int}/members/import", ImportMembers.Handle)
            .WithName(nameof(ImportMembers))
            .WithSummary("Import a branch roster from xlsx/csv (multipart field \"file\"); dryRun=true only reports")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        org.MapGet("/{id:int}/members/export", ExportMembers.Handle)
            .WithName(nameof(ExportMembers))
            .WithSummary("Export the branch roster as xlsx or csv (same headers as the import)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        org.MapPost("/{id:int}/appointments", AddAppointment.Handle)
            .WithName(nameof(AddAppointment))
            .WithSummary("Appoint a member to a committee role, group leader or admin for a term (3 years by default)")
            .WithValidation<AddAppointment.Request>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        org.MapPost("/{id:int}/invitations", CreateInvitation.Handle)
            .WithName(nameof(CreateInvitation))
            .WithSummary("Create a binding invitation for a branch: scene string, expiry and mini-program code URL")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var members = app.MapGroup("/api/members").WithTag("Members", "The roster of members, their fields, imports and binding a WeChat account to a roster entry.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapPut("/{id:int}", UpdateMember.Handle)
            .WithName(nameof(UpdateMember))
            .WithSummary("Edit a roster entry (committee of its branch and admins)")
            .WithValidation<MemberDetails>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        members.MapPost("/{id:int}/status", RecordStatusChange.Handle)
            .WithName(nameof(RecordStatusChange))
            .WithSummary("Record a dated change of Party life (转正, 延长预备期, 退休, 停止党籍, 出党, 去世); archiving ones take the member off the roster")
            .WithValidation<RecordStatusChange.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        members.MapGet("/{id:int}/status", ListStatusEvents.Handle)
            .WithName(nameof(ListStatusEvents))
            .WithSummary("The member's Party-life events (the member themself, their branch committee, admins)");

        members.MapPut("/{id:int}/group", MoveToGroup.Handle)
            .WithName(nameof(MoveToGroup))
            .WithSummary("Move a member to another party group of their branch (no transfer)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        members.MapPost("/{id:int}/unbind", UnbindMember.Handle)
            .WithName(nameof(UnbindMember))
            .WithSummary("Detach a member's WeChat account; their sessions end at once")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Binding is for signed-in accounts that are not bound yet, so it cannot sit behind the Member policy.
        var binding = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(Policies.SignedIn);
        binding.MapPost("/bind", BindMember.Handle)
            .WithName(nameof(BindMember))
            .WithSummary("Bind the signed-in WeChat account to a roster entry with an invitation, name and number")
            .WithValidation<BindMember.Request>()
            .RefusingBlockedAttempts()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        binding.MapPost("/bind-phone", BindByPhone.Handle)
            .WithName(nameof(BindByPhone))
            .WithSummary("Bind the signed-in WeChat account by the phone number WeChat verified (getPhoneNumber button code)")
            .WithValidation<BindByPhone.Request>()
            .RefusingBlockedAttempts()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var appointments = app.MapGroup("/api/appointments").WithTags("Organisation").RequireAuthorization(Policies.Member);
        appointments.MapDelete("/{id:int}", EndAppointment.Handle)
            .WithName(nameof(EndAppointment))
            .WithSummary("End an appointment today (its rights end at once)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var invitations = app.MapGroup("/api/invitations").WithTags("Organisation").RequireAuthorization(Policies.Member);
        invitations.MapPost("/{id:int}/revoke", RevokeInvitation.Handle)
            .WithName(nameof(RevokeInvitation))
            .WithSummary("Revoke an invitation; it binds nobody afterwards")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        invitations.MapGet("/{id:int}/qrcode", GetInvitationQrCode.Handle)
            .WithName(nameof(GetInvitationQrCode))
            .WithSummary("The invitation's mini-program code image (image/png)")
            .WithSecurityHeadersPolicy(ResponseHeaders.Cacheable)
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
