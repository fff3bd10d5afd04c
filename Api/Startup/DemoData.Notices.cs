using SmartBranch.Api.Features.Notices;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Startup;

internal static partial class DemoData
{
    private const string AckNoticeTitle = "关于开展党员组织关系集中排查的通知";

    private static async Task SeedNoticesAsync(AppDbContext db, DemoOrg org, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var secretary = org.Id("T1001");
        var teacherAudience = new[] { org.Teacher.Id };

        var ackNotice = await PublishAsync(db, org, org.Teacher.Id, secretary, AckNoticeTitle,
            "<p>各位党员：</p><p>根据党总支工作安排，本支部将开展党员组织关系集中排查。请每位党员<strong>本周五前</strong>核对个人信息（姓名、党员编号、入党时间、联系方式），如有变动请联系组织委员张华。</p><p>阅读后请点击<strong>签收</strong>。</p>",
            Visibility.Internal, requiresAck: true, pinned: false, teacherAudience, now.AddDays(-2), cancellationToken);
        var pinned = await PublishAsync(db, org, org.Teacher.Id, secretary, $"教工第一党支部{LocalCalendar.Today(now).Year}年度学习计划",
            "<h3>学习安排</h3><ul><li>每月第一周：主题党日</li><li>每季度：党课一次</li><li>每月：党小组学习</li></ul><p>欢迎各位党员和入党积极分子积极参加。</p>",
            Visibility.Public, requiresAck: false, pinned: true, teacherAudience, now.AddDays(-5), cancellationToken);
        var committee = await PublishAsync(db, org, org.Teacher.Id, secretary, "支委会议题征集",
            "<p>下次支委会将讨论发展党员计划和年度考核安排，请各位支委于会前提交议题。</p>",
            Visibility.Committee, requiresAck: false, pinned: false, teacherAudience, now.AddDays(-1), cancellationToken);
        var student = await PublishAsync(db, org, org.Student.Id, org.Id("S2001"), "学生党员志愿服务报名提醒",
            "<p>本学期志愿服务活动已开放报名，请学生党员在小程序<em>活动</em>页报名参加。</p>",
            Visibility.Internal, requiresAck: false, pinned: false, [org.Student.Id], now.AddHours(-3), cancellationToken);

        // Reads and sign-offs as GetNotice and AckNotice record them; 李明 (dev-member) leaves the sign-off
        // notice unread so the walkthrough can open it and see the figures move.
        Recipient(ackNotice, org.Id("T1003")).Ack(now.AddDays(-2).AddHours(1));
        Recipient(ackNotice, org.Id("T1004")).MarkRead(now.AddDays(-1).AddHours(-5));
        Recipient(ackNotice, org.Id("T1000")).MarkRead(now.AddHours(-20));
        Recipient(pinned, org.Id("T1002")).MarkRead(now.AddDays(-4));
        Recipient(pinned, org.Id("T1004")).MarkRead(now.AddDays(-3));
        Recipient(committee, org.Id("T1003")).MarkRead(now.AddHours(-12));
        Recipient(student, org.Id("S2002")).MarkRead(now.AddHours(-1));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Posts a notice the way PostNotice does once its text has passed: sanitise the body, publish with the
    /// audience resolved now. The WeChat content check is deliberately not called at seed time (there is no
    /// signed-in poster, and the texts here are fixed and harmless); the bodies are plain allow-listed HTML.
    /// </summary>
    private static async Task<Notice> PublishAsync(
        AppDbContext db,
        DemoOrg org,
        int unitId,
        int authorId,
        string title,
        string body,
        Visibility visibility,
        bool requiresAck,
        bool pinned,
        IReadOnlyList<int> audienceUnits,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var notice = new Notice(unitId, org.General.Id, authorId, title, RichTextHtml.Sanitize(body), visibility, requiresAck, pinned, audienceUnits, [], at);
        Require(notice.Publish(at, await NoticeRules.AudienceForPublicationAsync(new AudienceResolver(db), await AccessScopes.LoadUnitTreeAsync(db, cancellationToken), notice, at, cancellationToken)));
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    private static NoticeRecipient Recipient(Notice notice, int memberId) => notice.Recipients.Single(r => r.MemberId == memberId);
}
