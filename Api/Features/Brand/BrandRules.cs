using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Brand;

/// <summary>Who may publish, approve and read brand content, on top of <see cref="AccessScope"/>.</summary>
internal static class BrandRules
{
    /// <summary>The 404 detail for a story that does not exist or that the caller may not read.</summary>
    public const string StoryNotFound = "未找到该事迹，或您无权查看。";

    /// <summary>
    /// The secretary or publicity member (宣传委员) of the branch, or an admin above it, publishes directly;
    /// for the general branch only its admins do.
    /// </summary>
    public static bool CanPublish(AccessScope access, int unitId) =>
        access.Roles.Any(r => r.UnitId == unitId && r.Role is CommitteeRole.Secretary or CommitteeRole.PublicityCommissioner)
        || (access.IsAdmin && access.CanManage(unitId));

    /// <summary>The branch committee (or an admin above it) approves stories and edits the brand.</summary>
    public static bool CanApprove(AccessScope access, int unitId) =>
        access.IsCommitteeOf(unitId) || (access.IsAdmin && access.CanManage(unitId));

    public static bool CanRead(Reader viewer, Story story)
    {
        if (viewer.Access is { } access && (story.AuthorMemberId == access.MemberId || CanApprove(access, story.UnitId)))
        {
            return true;
        }

        return story.IsPublished && (story.Visibility == Visibility.Public || (viewer.Access?.CanView(story.UnitId) ?? false));
    }

    /// <summary>
    /// The story <paramref name="id"/> when the viewer may read it (<see cref="CanRead"/>); null otherwise, which callers
    /// answer with 404: a story one may not read does not exist for them.
    /// </summary>
    public static async Task<Story?> FindReadableAsync(AppDbContext db, Reader viewer, int id, bool tracked, CancellationToken cancellationToken)
    {
        var stories = tracked ? db.Stories : db.Stories.AsNoTracking();
        var story = await stories.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return story is not null && CanRead(viewer, story) ? story : null;
    }

    /// <summary>
    /// The story <paramref name="id"/>, tracked, that the caller changes (approves, edits): 404 when they may not read
    /// it (<see cref="FindReadableAsync"/>), 403 with <paramref name="forbidden"/> unless <paramref name="allowed"/>.
    /// </summary>
    public static async Task<Result<Story>> FindToChangeAsync(
        AppDbContext db, AccessScope access, int id, Func<AccessScope, Story, bool> allowed, string forbidden, CancellationToken cancellationToken)
    {
        var story = await FindReadableAsync(db, new Reader(access.MemberId, access), id, tracked: true, cancellationToken);
        if (story is null)
        {
            return Refusals.NotFound(BrandRules.StoryNotFound);
        }

        return allowed(access, story) ? story : Refusals.Forbidden(forbidden);
    }

    /// <summary>
    /// The published story <paramref name="id"/> a member likes or comments on (<paramref name="what"/>: 点赞, 评论):
    /// 404 when they may not read it (<see cref="FindReadableAsync"/>), 409 while it is not published, because only
    /// published stories take likes and comments. Not tracked.
    /// </summary>
    public static async Task<Result<Story>> FindPublishedAsync(AppDbContext db, CurrentMember current, int id, string what, CancellationToken cancellationToken)
    {
        var story = await FindReadableAsync(db, await Reader.LoadAsync(current, cancellationToken), id, tracked: false, cancellationToken);
        if (story is null)
        {
            return Refusals.NotFound(BrandRules.StoryNotFound);
        }

        return story.IsPublished ? story : new DomainError("story.unpublished", $"审核通过后才能{what}。", ErrorKind.Conflict, "事迹尚未发布");
    }

    /// <summary>
    /// The branch or general branch <paramref name="id"/> whose brand, display links and reach the caller manages
    /// (<see cref="CanApprove"/>): the unit gate's 404/403, then 400 under <paramref name="title"/> with
    /// <paramref name="detail"/> for a party group, which has no brand of its own (<see cref="IsBrandUnit"/>).
    /// </summary>
    public static async Task<Result<OrganizationUnit>> LoadManagedBrandUnitAsync(AppDbContext db, AccessScope access, int id, string title, string detail, CancellationToken cancellationToken)
    {
        var gate = await db.LoadUnitAsync(access, id, u => CanApprove(access, u), cancellationToken);
        if (!gate.Succeeded || IsBrandUnit(gate.Value!))
        {
            return gate;
        }

        return new DomainError("brand.not_brand_unit", detail, ErrorKind.Invalid, title);
    }

    /// <summary>Images are served by id; the screen and the mini-program use the same address.</summary>
    public static string MediaUrl(Guid id) => $"/api/media/{id}";

    /// <summary>Only branches and the general branch carry a brand and stories (a party group's belong to its branch).</summary>
    public static bool IsBrandUnit(OrganizationUnit unit) => unit.Kind is UnitKind.Branch or UnitKind.GeneralBranch;

    /// <summary>
    /// Refuses images that are not the caller's own uploads, or that a public story would show to people the image
    /// is not public for. Rejected images are refused; pending ones wait for their verdict and show once it passes.
    /// </summary>
    public static async Task<Result> CheckImagesAsync(AppDbContext db, IReadOnlyList<Guid> imageIds, int uploaderMemberId, Visibility visibility, CancellationToken cancellationToken)
    {
        if (imageIds.Count == 0)
        {
            return Result.Ok;
        }

        var ids = imageIds.Distinct().ToList();
        var images = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        if (images.Count != ids.Count || images.Any(m => m.UploaderMemberId != uploaderMemberId))
        {
            return new DomainError("media.not_own", "只能使用您本人上传的图片，请重新上传。", ErrorKind.Invalid, "图片无效");
        }

        if (images.Any(m => m.Status == MediaStatus.Rejected))
        {
            return DomainError.Unprocessable("media.rejected", "图片未通过安全检测", "有图片未通过微信内容安全检测，请更换图片。");
        }

        return visibility == Visibility.Public && images.Any(m => m.Visibility != Visibility.Public) ? NotPublicImages : Result.Ok;
    }

    /// <summary>400: a public story (or brand) may show only images uploaded as public.</summary>
    public static readonly DomainError NotPublicImages = new("media.not_public", "公开的事迹只能使用公开的图片。", ErrorKind.Invalid, "图片级别不符");

    /// <summary>Ids of the images of <paramref name="stories"/> that may be shown now (checked and passed).</summary>
    public static async Task<HashSet<Guid>> ShowableImagesAsync(AppDbContext db, IEnumerable<Story> stories, CancellationToken cancellationToken)
    {
        var ids = stories.SelectMany(s => s.Images).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var approved = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Status == MediaStatus.Approved).Select(m => m.Id).ToListAsync(cancellationToken);
        return approved.ToHashSet();
    }
}
