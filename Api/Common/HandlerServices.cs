namespace SmartBranch.Api.Common;

/// <summary>
/// The services most committee use cases take, bound as one handler parameter with <c>[AsParameters]</c>:
/// the caller, the database, the audit trail that is saved with the change, the clock and the request's
/// cancellation. Route values, query strings and bodies stay separate parameters, so the OpenAPI document
/// does not see this type. Read-only hot paths (the feed, <c>/api/me</c>) take only what they use instead,
/// because <see cref="AuditTrail"/> is resolved with the bundle.
/// </summary>
/// <param name="Current">The signed-in member (session, roles, access scope).</param>
/// <param name="Db">The request's DbContext.</param>
/// <param name="Audit">Audit entries added to <see cref="Db"/> and saved with the change.</param>
/// <param name="Time">The clock; China time through <c>Api/Common/Time</c>.</param>
/// <param name="CancellationToken">Aborted when the client goes away.</param>
public readonly record struct HandlerServices(
    CurrentMember Current,
    AppDbContext Db,
    AuditTrail Audit,
    TimeProvider Time,
    CancellationToken CancellationToken);
