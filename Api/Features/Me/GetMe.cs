namespace SmartBranch.Api.Features.Me;

public static class GetMe
{
    /// <summary>Who is signed in: the member profile, or <c>needsBinding</c> when the WeChat account is not yet bound.</summary>
    public sealed record Response(bool NeedsBinding, MemberProfile? Member);

    public static async Task<Ok<Response>> Handle(CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var profile = current.MemberId is int id ? await MemberProfiles.LoadAsync(db, id, time.GetUtcNow(), cancellationToken) : null;
        return TypedResults.Ok(new Response(profile is null, profile));
    }
}
