using SmartBranch.Domain.Calendar;

namespace SmartBranch.Api.Features.Calendar;

public static class ResetCalendarSecret
{
    /// <summary>
    /// The new subscription URL (https) and the same as webcal:// for phones. Shown once: only a hash is kept,
    /// so a lost URL is replaced by resetting again, which also stops the old one.
    /// </summary>
    public sealed record Response(string Url, string WebcalUrl);

    public static async Task<Ok<Response>> Handle(
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

        await db.SaveChangesAsync(cancellationToken);
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/calendar/{secret}.ics";
        return TypedResults.Ok(new Response(url, "webcal" + url[url.IndexOf(':', StringComparison.Ordinal)..]));
    }
}
