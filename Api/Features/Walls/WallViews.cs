using SmartBranch.Api.Features.Polls;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Walls;

/// <summary>One message on the wall: the author's name, the text, when it was posted (China time shown by the client).</summary>
public sealed record WallMessageView(int Id, string AuthorName, string Text, WallMessageStatus Status, DateTimeOffset PostedAt);

/// <summary>
/// A wall with its approved messages (oldest first, so a screen appends), and for organisers the messages
/// waiting for approval. <c>canModerate</c>: the caller approves and rejects.
/// </summary>
public sealed record WallView(int Id, TargetKind TargetKind, int TargetId, bool RequiresApproval, bool Open, bool CanModerate,
    IReadOnlyList<WallMessageView> Messages, IReadOnlyList<WallMessageView> Pending, IReadOnlyList<WallMessageView> Mine);

internal static class WallViews
{
    /// <summary>The 404 detail for a wall that does not exist or whose unit, meeting or activity the caller may not see.</summary>
    public const string NotFoundDetail = "未找到该留言墙，或您无权查看。";

    /// <summary>The wall and the caller's rights on its meeting or activity; null (404) when they may not see it.</summary>
    public static async Task<(MessageWall Wall, InteractionTarget Target)?> FindAsync(AppDbContext db, AccessScope access, int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.MessageWalls.Where(w => w.Id == id);
        var wall = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (wall is null)
        {
            return null;
        }

        var target = await InteractionTargets.FindAsync(db, access, wall.TargetKind, wall.TargetId, cancellationToken);
        return target is null ? null : (wall, target);
    }

    public static async Task<WallView> BuildAsync(AppDbContext db, MessageWall wall, bool canModerate, int viewerMemberId, int? afterId, CancellationToken cancellationToken)
    {
        var rows = await db.WallMessages.AsNoTracking()
            .Where(m => m.WallId == wall.Id && (m.Status == WallMessageStatus.Approved || (canModerate && m.Status == WallMessageStatus.Pending) || m.AuthorMemberId == viewerMemberId))
            .Where(m => afterId == null || m.Id > afterId)
            .Join(db.Members, m => m.AuthorMemberId, a => a.Id, (m, a) => new { Message = m, a.Name })
            .OrderBy(x => x.Message.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        WallMessageView View(WallMessage m, string name) => new(m.Id, name, m.Text, m.Status, m.PostedAt);
        return new WallView(wall.Id, wall.TargetKind, wall.TargetId, wall.RequiresApproval, wall.IsOpen, canModerate,
            rows.Where(r => r.Message.Status == WallMessageStatus.Approved).Select(r => View(r.Message, r.Name)).ToList(),
            canModerate ? rows.Where(r => r.Message.Status == WallMessageStatus.Pending).Select(r => View(r.Message, r.Name)).ToList() : [],
            rows.Where(r => r.Message.AuthorMemberId == viewerMemberId).Select(r => View(r.Message, r.Name)).ToList());
    }
}
