using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class ListPendingNotices
{
    public const int MaxItems = 100;

    /// <summary>A notice waiting for approval; <c>canApprove</c> is false for the caller's own notices.</summary>
    public sealed record Item(int Id, string Title, Visibility Visibility, NoticeHoldReason? HoldReason, DateTimeOffset CreatedAt, string AuthorName, bool CanApprove);

    public static async Task<Ok<ListPage<Item>>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var managed = NoticeRules.ManagedUnitIds(viewer);
        if (managed.Count == 0)
        {
            return TypedResults.Ok(new ListPage<Item>([]));
        }

        var items = await db.Notices.AsNoTracking()
            .Where(n => n.Status == NoticeStatus.PendingApproval && managed.Contains(n.UnitId))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Take(MaxItems)
            .Join(db.Members, n => n.AuthorMemberId, m => m.Id, (n, m) => new { n.Id, n.Title, n.Visibility, n.HoldReason, n.CreatedAt, n.AuthorMemberId, AuthorName = m.Name })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<Item>(items
            .Select(n => new Item(n.Id, n.Title, n.Visibility, n.HoldReason, n.CreatedAt, n.AuthorName, n.AuthorMemberId != viewer.MemberId))
            .ToList()));
    }
}
