namespace SmartBranch.Api.Features.Audit;

public static class AuditModule
{
    /// <summary>Registers the audit area's services (none beyond the shared ones).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddAreaRoutes(MapAuditEndpoints);

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTag("Audit", "The audit trail of who changed what, for secretaries.").RequireAuthorization(Policies.Member);
        group.MapGet("/", ListAuditLog.Handle)
            .WithName(nameof(ListAuditLog))
            .WithSummary("Changes made by the committee and admins in a unit (newest first; committee of the unit and admins only)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
