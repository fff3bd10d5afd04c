using SmartBranch.Domain.Brand;

namespace SmartBranch.Api.Features.Brand;

public static class LikeStory
{
    public sealed record Response(bool Liked, int LikeCount);

    /// <summary>Likes a published story; liking again changes nothing (the unique index decides races).</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if ((await BrandRules.FindPublishedAsync(db, current, id, "点赞", cancellationToken)).Error is { } unavailable)
        {
            return Problems.From(unavailable);
        }

        if (!await db.StoryLikes.AnyAsync(l => l.StoryId == id && l.MemberId == current.Id, cancellationToken))
        {
            db.StoryLikes.Add(new StoryLike(id, current.Id, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second tap at the same moment: the unique index kept the first like.
                db.ChangeTracker.Clear();
            }

            // Recounted in the database, so concurrent likes of different members never overwrite each other.
            await db.Stories.Where(s => s.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LikeCount, s => db.StoryLikes.Count(l => l.StoryId == s.Id)), cancellationToken);
        }

        var count = await db.Stories.Where(s => s.Id == id).Select(s => s.LikeCount).SingleAsync(cancellationToken);
        return TypedResults.Ok(new Response(true, count));
    }
}
