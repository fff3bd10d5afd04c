using SmartBranch.Api.Common.CheckIn;
using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

public static class CreateActivity
{
    /// <summary>A new activity organised by UnitId (a unit the caller manages) for the given audience. Capacity: Places available; null for no limit. WaitingList: When full, further sign-ups wait instead of being refused (needs a capacity).</summary>
    public sealed record Request : ActivityFields
    {
        public int UnitId { get; init; }
    }

    public sealed class Validator : ActivityFieldsValidator<Request>
    {
        public Validator() => RuleFor(r => r.UnitId).GreaterThan(0).WithMessage("请选择组织活动的单位。");
    }

    public static async Task<Results<Created<ActivityResponse>, ProblemHttpResult>> Handle(
        Request request,
        AudienceResolver audiences,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        if (!access.CanManage(request.UnitId))
        {
            return Problems.From(DomainError.Forbidden("activity.unit_forbidden", "只能为您负责的组织创建活动。"));
        }

        var screening = await request.CheckPostedAsync(access, current.OpenId, audiences, check, cancellationToken);
        if (screening.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var now = time.GetUtcNow();
        var (activity, error) = Activity.Create(
            request.UnitId, request.ToDetails(), request.Audience.Units, request.Audience.Members, current.Id, CheckInCodes.NewSecret(), now);
        if (error is not null)
        {
            return Problems.From(error);
        }

        var created = activity!;

        // The audit entry needs the new id; one transaction keeps the two saves all-or-nothing.
        db.Activities.Add(created);
        await db.SaveWithAuditAsync(() => audit.Record(created.UnitId, "activity.created", SubjectTypes.Activity, created.Id, $"创建活动「{created.Title}」{screening.Value.AuditNote()}"), cancellationToken);

        var response = await ActivityResponses.LoadAsync(db, new ActivityView(created, false, true), current.Id, cancellationToken);
        return TypedResults.Created($"/api/activities/{created.Id}", response with { CanSignUp = await InAudienceAsync(db, created.Id, access, cancellationToken) });
    }

    private static Task<bool> InAudienceAsync(AppDbContext db, int id, Domain.Organization.AccessScope access, CancellationToken cancellationToken) =>
        db.Activities.Where(a => a.Id == id).ReachingMember(access).AnyAsync(cancellationToken);
}

