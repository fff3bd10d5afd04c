using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Mailbox;

public static class MarkMailboxResolution
{
    /// <summary><c>resolved</c> true closes the message; false reopens it with a new reply deadline.</summary>
    public sealed record Request(bool? Resolved);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Resolved).NotNull().WithMessage("请选择是否已解决。");
    }

    /// <summary>The writer's verdict on the answer. Errors: 404 (not the writer), 409 (not answered yet, or already resolved).</summary>
    public static async Task<Results<Ok<MailboxMessageView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        AppDbContext db,
        MailboxReminders reminders,
        IOptions<MailboxOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = await db.MailboxMessages.Include(m => m.Replies).SingleOrDefaultAsync(m => m.Id == id && m.AuthorMemberId == current.Id, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound("未找到您的这条信箱留言。");
        }

        var marked = message.MarkResolution(request.Resolved!.Value, now, options.Value.ReplyDaysFor(message.Category), options.Value.EscalationWorkingDays);
        if (!marked.Succeeded)
        {
            return Problems.From(marked.Error!.As(ErrorKind.Conflict));
        }

        if (!request.Resolved.Value)
        {
            await reminders.ScheduleFlagsAsync(message, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("留言状态已变化", "留言状态刚刚发生变化，请刷新后再试。");
        }

        return TypedResults.Ok((await MailboxViews.ToViewsAsync(db, [message], current.Id, now, cancellationToken))[0]);
    }
}
