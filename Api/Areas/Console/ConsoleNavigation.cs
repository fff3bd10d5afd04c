namespace SmartBranch.Api.Areas.Console;

/// <summary>Who may open a console page: every bound member, or the committee (branch committee, group leaders, general-branch admins).</summary>
public enum ConsoleAudience
{
    Member,
    Committee,
}

/// <summary>One entry of the console's side navigation.</summary>
public sealed record ConsoleNavItem(string Path, string Title, ConsoleAudience Audience);

/// <summary>
/// The console's navigation, in the order shown. A new page adds one line here (Api/Areas/Console/README.md); a page
/// for the committee also derives from <see cref="CommitteePageModel"/> so that it refuses members who open it by address.
/// </summary>
public static class ConsoleNavigation
{
    public static readonly IReadOnlyList<ConsoleNavItem> Items =
    [
        new("/console", "首页", ConsoleAudience.Member),
        new("/console/dashboard", "数据看板", ConsoleAudience.Committee),
        new("/console/roster", "党员名册", ConsoleAudience.Committee),
        new("/console/units", "组织与任职", ConsoleAudience.Committee),
        new("/console/invitations", "绑定邀请码", ConsoleAudience.Committee),
        new("/console/notices", "通知公告", ConsoleAudience.Committee),
        new("/console/meetings", "会议（三会一课）", ConsoleAudience.Committee),
        new("/console/dues", "党费管理", ConsoleAudience.Committee),
        new("/console/transfers", "组织关系转接", ConsoleAudience.Committee),
        new("/console/mailbox", "书记信箱", ConsoleAudience.Committee),
        new("/console/development", "发展党员", ConsoleAudience.Committee),
        new("/console/study", "学习教育", ConsoleAudience.Committee),
        new("/console/appraisals", "民主评议", ConsoleAudience.Committee),
        new("/console/polls", "投票", ConsoleAudience.Committee),
        new("/console/audit", "审计日志", ConsoleAudience.Committee),
    ];
}
