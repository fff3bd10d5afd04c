using SmartBranch.Domain.Calendar;

namespace SmartBranch.Api.Features.Calendar;

public static class ResetCalendarSecret
{
    /// <summary>
    /// The new subscription URL (https) and the same as webcal:// for phones. Shown once: only a hash is kept,
    /// so a lost URL is replaced by resetting again, which also stops the old one.
    /// </summary>
    public sealed record Response(string Url, string WebcalUrl);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        AppDbContext db,
        CurrentMember current,
        HttpContext http,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var secret = CalendarFeeds.NewSecret();
        var hash = CalendarFeeds.Hash(secret);
        var now = time.GetUtcNow();
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.MemberId == current.Id, cancellationToken);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed(current.Id, hash, now));
        }
        else
        {
            feed.Reset(hash, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two resets at once: the unique member index kept the other one, whose URL that request returned.
            return Problems.Conflict("请勿重复操作", "日历订阅地址正在重置，请稍后再试。");
        }

        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/calendar/{secret}.ics";
        return TypedResults.Ok(new Response(url, "webcal" + url[url.IndexOf(':', StringComparison.Ordinal)..]));
    }
}
