using SmartBranch.Domain.Common;
using SmartBranch.Api.Common.ContentSecurity;

namespace SmartBranch.Api.Features.Mailbox;

public static class AnswerMailboxMessage
{
    public sealed record Request(string Text);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写答复内容。")
                .TrimmedMaximumLength(Domain.Interaction.MailboxMessage.ReplyMaxLength).WithMessage($"答复不能超过{Domain.Interaction.MailboxMessage.ReplyMaxLength}个字。");
    }

    /// <summary>
    /// A reader answers an open message; the writer is reminded at once (subscription message or inbox) and the
    /// overdue flags are cancelled. An answer after the deadline is stored with <c>onTime</c> false.
    /// Errors: 404 (not a reader), 409 (already answered or resolved), 422 (text refused).
    /// </summary>
    public static async Task<Results<Ok<MailboxMessageView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        MailboxReminders reminders,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var now = time.GetUtcNow();
        var message = await MailboxAccess.FindAsync(db, access, id, tracked: true, now, cancellationToken);
        if (message is null || !access.CanRead(message, now))
        {
            return Problems.NotFound("未找到该信箱留言，或您无权查看。");
        }

        var text = request.Text.Trim();
        var (_, problem) = await check.ScreenAsync(current.OpenId, "书记信箱答复", [text], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var answered = message.Answer(current.Id, text, now);
        if (!answered.Succeeded)
        {
            return Problems.From(answered.Error!.As(ErrorKind.Conflict));
        }

        await reminders.AnsweredAsync(message, cancellationToken);
        audit.Record(message.AddresseeUnitId, "mailbox.answered", SubjectTypes.MailboxMessage, message.Id, $"答复书记信箱留言 #{message.Id}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("留言状态已变化", "留言刚刚被答复或处理，请刷新后查看。");
        }

        return TypedResults.Ok((await MailboxViews.ToViewsAsync(db, [message], current.Id, now, cancellationToken))[0]);
    }
}
