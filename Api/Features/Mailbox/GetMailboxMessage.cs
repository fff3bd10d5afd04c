namespace SmartBranch.Api.Features.Mailbox;

public static class GetMailboxMessage
{
    /// <summary>One message for its writer or a reader; 404 for anyone else.</summary>
    public static async Task<Results<Ok<MailboxMessageView>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var now = time.GetUtcNow();
        var message = await MailboxAccess.FindAsync(db, access, id, tracked: false, now, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound("未找到该信箱留言，或您无权查看。");
        }

        return TypedResults.Ok((await MailboxViews.ToViewsAsync(db, [message], current.Id, now, cancellationToken))[0]);
    }
}
