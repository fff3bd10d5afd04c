using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ListInvitations
{
    /// <summary>One invitation of the branch: its state is Active, Used (single use, taken), Expired or Revoked.</summary>
    public sealed record Item(int Id, string Scene, bool SingleUse, int UseCount, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string State);

    /// <summary>
    /// The unit's invitations, newest first, as <c>{ items, nextCursor: null }</c> (never paged; the unit is the one in
    /// the route), for the committee of the branch and admins; 403/404 otherwise.
    /// </summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanManage, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.BranchId == id)
            .OrderByDescending(i => i.Id)
            .Join(db.Members, i => i.CreatedByMemberId, m => m.Id, (i, m) => new { Invitation = i, m.Name })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<Item>(rows.Select(r => new Item(
            r.Invitation.Id, r.Invitation.Scene, r.Invitation.SingleUse, r.Invitation.UseCount, r.Invitation.CreatedAt, r.Name,
            r.Invitation.ExpiresAt, r.Invitation.RevokedAt, StateOf(r.Invitation, now))).ToList()));
    }

    private static string StateOf(Invitation invitation, DateTimeOffset now) =>
        invitation.RevokedAt is not null ? "Revoked"
        : now >= invitation.ExpiresAt ? "Expired"
        : invitation.SingleUse && invitation.UseCount > 0 ? "Used"
        : "Active";
}
