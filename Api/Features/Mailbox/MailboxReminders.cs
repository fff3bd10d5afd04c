using SmartBranch.Api.Messaging;
using System.Globalization;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Mailbox;

/// <summary>
/// The mailbox's reminders, through the shared reminder outbox: the readers are told when a message passes its
/// deadline unanswered ("overdue-N"), the general branch's admins when it passes the second period
/// ("escalated-N"), and the writer when an answer arrives ("answer-N"). N counts the rounds (reopenings) or
/// answers. Nothing in them names the writer. They use the notice template (通知提醒: subject, time, note), so
/// no further subscription-message template has to be configured.
/// </summary>
public sealed class MailboxReminders(AppDbContext db, ReminderScheduler scheduler, TimeProvider time)
{
    /// <summary>Schedules the overdue and escalation flags of the message's current round; call after the message has its id.</summary>
    public async Task ScheduleFlagsAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Today(time.GetUtcNow());
        var round = message.Round.ToString(CultureInfo.InvariantCulture);
        var readers = await MailboxAccess.ReadersAsync(db, message, today, cancellationToken);
        await scheduler.ScheduleAsync(ReminderKind.Notice, SubjectTypes.MailboxMessage, message.Id, $"overdue-{round}", readers, message.ReplyDueAt,
            Content(message, "书记信箱留言超期未复", $"有一条“{message.Category.DisplayName()}”留言已超过答复期限，请尽快答复。", message.ReplyDueAt), cancellationToken);
        if (message.Addressee == MailboxAddressee.Branch)
        {
            var admins = await MailboxAccess.AdminsAsync(db, message.GeneralBranchId, today, cancellationToken);
            await scheduler.ScheduleAsync(ReminderKind.Notice, SubjectTypes.MailboxMessage, message.Id, $"escalated-{round}", admins, message.EscalateAt,
                Content(message, "书记信箱留言逾期转党总支", $"支部有一条“{message.Category.DisplayName()}”留言逾期仍未答复，已提请党总支督办。", message.EscalateAt), cancellationToken);
        }
    }

    /// <summary>The answer came: the flags of this round are no longer due, and the writer is told at once.</summary>
    public async Task AnsweredAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        var round = message.Round.ToString(CultureInfo.InvariantCulture);
        await scheduler.CancelAsync(SubjectTypes.MailboxMessage, message.Id, $"overdue-{round}", cancellationToken);
        await scheduler.CancelAsync(SubjectTypes.MailboxMessage, message.Id, $"escalated-{round}", cancellationToken);
        var now = time.GetUtcNow();
        await scheduler.ScheduleAsync(ReminderKind.Notice, SubjectTypes.MailboxMessage, message.Id, $"answer-{message.Replies.Count.ToString(CultureInfo.InvariantCulture)}",
            [message.AuthorMemberId], now, Content(message, "书记信箱留言已答复", $"您的“{message.Category.DisplayName()}”留言已收到答复，请查看并确认是否解决。", now) with { Page = MiniProgramPages.Mailbox }, cancellationToken);
    }

    private static ReminderContent Content(MailboxMessage message, string title, string body, DateTimeOffset at) =>
        new(title, body, null, "书记信箱", at, Note: message.Category.DisplayName());
}
