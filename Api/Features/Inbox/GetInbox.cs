using SmartBranch.Api.Messaging;

namespace SmartBranch.Api.Features.Inbox;

public static class GetInbox
{
    public const int DefaultLimit = 20;

    /// <summary><c>cursor</c>: the <c>nextCursor</c> of the previous page (omit for the newest messages).</summary>
    public sealed record Request(string? Cursor, int? Limit);

    /// <summary>One inbox message; <c>link</c> is the mini-program page to open.</summary>
    public sealed record Item(long Id, string Title, string Body, string? SubjectType, int? SubjectId, string? Link, DateTimeOffset CreatedAt, bool Read);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("每页条数须在 1 到 100 之间。");
        }
    }

    /// <summary>
    /// 200 with the caller's messages (a member, or a person in development bound to their record); 400 for a bad
    /// <c>limit</c> or a <c>cursor</c> that is not a previous <c>nextCursor</c> (code <c>list.invalid_cursor</c>);
    /// 403 for an account bound to neither.
    /// </summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle([AsParameters] Request request, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await ReminderRecipients.ForCallerAsync(current, db, cancellationToken) is not { } recipient)
        {
            return Problems.Forbidden(ReminderRecipients.NotBoundDetail);
        }

        if (!ListCursor.TryReadId(request.Cursor, out var before))
        {
            return Problems.InvalidCursor();
        }

        var limit = request.Limit ?? DefaultLimit;
        var query = ReminderRecipients.Inbox(db, recipient).AsNoTracking();
        if (before is long cursor)
        {
            query = query.Where(m => m.Id < cursor);
        }

        var page = await query
            .OrderByDescending(m => m.Id)
            .Take(limit + 1)
            .Select(m => new Item(m.Id, m.Title, m.Body, m.SubjectType, m.SubjectId, m.Link, m.CreatedAt, m.ReadAt != null))
            .ToListAsync(cancellationToken);
        var more = page.Count > limit;
        var items = more ? page[..limit] : page;
        return TypedResults.Ok(new ListPage<Item>(items, more ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }
}
