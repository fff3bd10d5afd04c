using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class RemindUnread
{
    /// <summary>How many unread members a reminder was queued for.</summary>
    public sealed record Response(int NoticeId, int Reminded, string Slot);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        ReminderScheduler reminders,
        [AsParameters] HandlerServices services)
    {
        var (_, db, audit, time, cancellationToken) = services;
        var (managed, refusal) = await NoticeRules.LoadManagedAsync(services, id, "只有发布单位的支委或党总支管理员可以提醒未读党员。");
        if (managed is null)
        {
            return Problems.From(refusal!);
        }

        var notice = managed.Notice;

        if (notice.Status != NoticeStatus.Published)
        {
            return Problems.Conflict("通知未发布", "该通知尚未发布或已撤回，无法发送提醒。");
        }

        var content = new ReminderContent(
            "通知提醒",
            $"您有一条通知尚未阅读：《{notice.Title}》，请及时查看。",
            MiniProgramPages.NoticeDetail(notice.Id),
            notice.Title,
            notice.PublishedAt,
            Note: notice.RequiresAck ? "请阅读并签收" : "请及时阅读");
        var (reminded, tooSoon) = await ManualReminders.RemindAsync(
            db,
            reminders,
            audit,
            new ManualReminders.Press(SubjectTypes.Notice, notice.Id, notice.UnitId, "unread-", "未读党员", "notice.reminded"),
            ct => db.NoticeRecipients.AsNoTracking()
                .Where(r => r.NoticeId == notice.Id && r.FirstReadAt == null)
                .Select(r => r.MemberId)
                .ToListAsync(ct),
            content,
            added => $"提醒{added}名未读党员阅读通知《{notice.Title}》",
            time.GetUtcNow(),
            cancellationToken);
        if (tooSoon is not null)
        {
            return Problems.From(tooSoon);
        }

        return TypedResults.Ok(new Response(notice.Id, reminded.Reminded, reminded.Slot));
    }
}
