namespace SmartBranch.Api.Features.Calendar;

public static class GetCalendarFeed
{
    /// <summary>
    /// The member's calendar (iCalendar) behind their secret URL: recent and upcoming meetings (and whatever
    /// other sources are registered). No sign-in, because calendar apps cannot sign in; an unknown or reset
    /// secret is 404.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Handle(
        string secret,
        AppDbContext db,
        IEnumerable<ICalendarSource> sources,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (secret.Length is < 20 or > 100)
        {
            return Problems.NotFound("日历订阅不存在或已失效。");
        }

        var hash = CalendarFeeds.Hash(secret);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.SecretHash == hash, cancellationToken);
        if (feed is null)
        {
            return Problems.NotFound("日历订阅不存在或已失效。");
        }

        var now = time.GetUtcNow();
        var items = new List<CalendarItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ItemsAsync(feed.MemberId, now - CalendarFeeds.Past, now + CalendarFeeds.Ahead, cancellationToken));
        }

        return TypedResults.Text(CalendarFeeds.Build("智慧党支部", items, now), "text/calendar; charset=utf-8");
    }
}
