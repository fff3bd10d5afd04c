using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class GetStory
{
    public sealed record Comment(long Id, string AuthorName, string Text, DateTimeOffset CreatedAt);

    /// <summary>
    /// A story as its reader sees it. Images still waiting for WeChat's check are left out (the author sees
    /// them). <c>canShare</c> is true only for published Public stories.
    /// </summary>
    public sealed record Response(
        int Id,
        int UnitId,
        string UnitName,
        string Title,
        string Body,
        Visibility Visibility,
        StoryStatus Status,
        IReadOnlyList<string> ImageUrls,
        string AuthorName,
        DateTimeOffset CreatedAt,
        DateTimeOffset? PublishedAt,
        int LikeCount,
        int CommentCount,
        bool LikedByMe,
        bool CanEdit,
        bool CanApprove,
        bool CanShare,
        IReadOnlyList<Comment> Comments);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var story = await BrandRules.FindReadableAsync(db, viewer, id, tracked: false, cancellationToken);
        if (story is null)
        {
            return Problems.NotFound(BrandRules.StoryNotFound);
        }

        var liked = false;
        if (viewer.MemberId is int memberId && story.IsPublished)
        {
            liked = await db.StoryLikes.AnyAsync(l => l.StoryId == id && l.MemberId == memberId, cancellationToken);
            if (!await db.StoryViews.AnyAsync(v => v.StoryId == id && v.MemberId == memberId, cancellationToken))
            {
                // Attention counts people, not page loads: only the first view is kept.
                db.StoryViews.Add(new StoryView(id, memberId, time.GetUtcNow()));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The same member opened it twice at once; the unique index kept one view.
                    db.ChangeTracker.Clear();
                }
            }
        }

        var showable = await BrandRules.ShowableImagesAsync(db, [story], cancellationToken);
        var isAuthor = viewer.MemberId == story.AuthorMemberId;
        var images = story.Images.Where(i => showable.Contains(i) || isAuthor).Select(BrandRules.MediaUrl).ToList();
        var unitName = await db.Units.Where(u => u.Id == story.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var authorName = await db.Members.Where(m => m.Id == story.AuthorMemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var comments = await (from c in db.StoryComments.AsNoTracking()
                              join m in db.Members on c.MemberId equals m.Id
                              where c.StoryId == id
                              orderby c.Id descending
                              select new Comment(c.Id, m.Name, c.Text, c.CreatedAt))
            .Take(50)
            .ToListAsync(cancellationToken);
        var canPublish = viewer.Access is { } access && BrandRules.CanPublish(access, story.UnitId);
        var canApprove = viewer.Access is { } a && BrandRules.CanApprove(a, story.UnitId) && !isAuthor && !story.IsPublished;
        return TypedResults.Ok(new Response(
            story.Id,
            story.UnitId,
            unitName,
            story.Title,
            story.Body,
            story.Visibility,
            story.Status,
            images,
            authorName,
            story.CreatedAt,
            story.PublishedAt,
            story.LikeCount,
            story.CommentCount,
            liked,
            isAuthor || canPublish,
            canApprove,
            story.IsPublished && story.Visibility == Visibility.Public,
            comments));
    }
}
