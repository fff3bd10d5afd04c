using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Mailbox;

public static class SendMailboxMessage
{
    /// <summary>
    /// A message to the secretary of the caller's branch (<c>addressee</c> Branch) or to the general branch above
    /// it (GeneralBranch). <c>imageIds</c>: the caller's own uploads from <c>POST /api/media</c> (upload them with
    /// visibility Committee). <c>anonymous</c>: readers never see who wrote it.
    /// </summary>
    public sealed record Request(MailboxAddressee? Addressee, MailboxCategory? Category, string Text, IReadOnlyList<Guid>? ImageIds, bool Anonymous);

    /// <summary>The stored message and when the answer is owed (end of a working day, China time).</summary>
    public sealed record Response(int Id, DateTimeOffset ReplyDueAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Addressee).NotNull().WithMessage("请选择写给支部书记还是党总支。").IsInEnum().WithMessage("收信对象无效。");
            RuleFor(r => r.Category).NotNull().WithMessage("请选择留言类别。").IsInEnum().WithMessage("留言类别无效。");
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写留言内容。").VisibleText().WithMessage("请填写留言内容。")
                .TrimmedMaximumLength(MailboxMessage.TextMaxLength).WithMessage($"留言不能超过{MailboxMessage.TextMaxLength}个字。");
            RuleFor(r => r.ImageIds).Must(i => i is null || i.Count <= MailboxMessage.MaxImages).WithMessage($"最多{MailboxMessage.MaxImages}张图片。");
        }
    }

    /// <summary>Errors: 422 when the text carries a classification marking or fails WeChat's text check, or an image failed its check; 400 for images that are not the caller's.</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        TextContentCheck check,
        MailboxReminders reminders,
        IOptions<MailboxOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var generalBranchId = await db.Units.AsNoTracking().Where(u => u.Id == access.BranchId).Select(u => u.ParentId).SingleAsync(cancellationToken);
        if (generalBranchId is not int general)
        {
            return Problems.Unprocessable("无法投递", "您所在的支部不属于任何党总支，无法写信给党总支。");
        }

        var images = request.ImageIds ?? [];
        if ((await BrandRules.CheckImagesAsync(db, images, current.Id, Visibility.Committee, cancellationToken)).Error is { } imageProblem)
        {
            return Problems.From(imageProblem);
        }

        // The same text policy as stories and notices: no classification markings, WeChat's check; risky text is refused.
        var text = request.Text.Trim();
        var (_, problem) = await check.ScreenAsync(current.OpenId, request.Category!.Value.DisplayName(), [text], cancellationToken);
        if (problem is not null)
        {
            return Problems.From(problem);
        }

        var now = time.GetUtcNow();
        var settings = options.Value;
        var message = new MailboxMessage(current.Id, access.BranchId, general, request.Addressee!.Value, request.Category.Value, text, images, request.Anonymous, now,
            settings.ReplyDaysFor(request.Category.Value), settings.EscalationWorkingDays);

        // No audit entry: the audit log names the actor, and an anonymous writer must stay unnamed.
        db.MailboxMessages.Add(message);
        await db.SaveWithAuditAsync(token => reminders.ScheduleFlagsAsync(message, token), cancellationToken);

        return TypedResults.Created($"/api/mailbox/{message.Id}", new Response(message.Id, message.ReplyDueAt));
    }
}
