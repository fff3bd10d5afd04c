using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Me;

public static class GetMe
{
    /// <summary>Who is signed in: the member profile, or <c>needsBinding</c> when the WeChat account is not yet bound.</summary>
    public sealed record Response(bool NeedsBinding, MemberProfile? Member);

    public static async Task<Ok<Response>> Handle(CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var profile = current.IsBound
            ? MemberProfiles.From(await current.GetMemberAsync(cancellationToken), await current.GetUnitsAsync(cancellationToken), LocalCalendar.Today(time.GetUtcNow()))
            : null;
        return TypedResults.Ok(new Response(profile is null, profile));
    }
}
