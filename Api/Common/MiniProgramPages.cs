using System.Globalization;

namespace SmartBranch.Api.Common;

/// <summary>
/// Pages of the bundled mini-program (miniprogram/app.json) that the server points at: from mini-program
/// codes, subscription messages and inbox links. A test checks each one exists in app.json.
/// </summary>
public static class MiniProgramPages
{
    public const string Bind = "pages/bind/index";
    public const string ActivityCheckIn = "pages/activity-checkin/index";
    public const string MeetingCheckIn = "pages/meeting-checkin/index";
    public const string Transfers = "pages/transfers/index";

    /// <summary>Scan-to-login for the PC console: confirm or refuse a login ticket (subpackage pkg-console).</summary>
    public const string ConsoleLoginConfirm = "pkg-console/confirm/index";

    /// <summary>书记信箱: the writer's messages and their answers.</summary>
    public const string Mailbox = "pages/mailbox/index";

    public static string NoticeDetail(int id) => With("pages/notice-detail/index", id);

    public static string ActivityDetail(int id) => With("pages/activity-detail/index", id);

    public static string MeetingDetail(int id) => With("pages/meeting-detail/index", id);

    /// <summary>One story on the brand page.</summary>
    public static string Story(int id) => $"pages/brand/index?story={id.ToString(CultureInfo.InvariantCulture)}";

    private static string With(string page, int id) => $"{page}?id={id.ToString(CultureInfo.InvariantCulture)}";
}
