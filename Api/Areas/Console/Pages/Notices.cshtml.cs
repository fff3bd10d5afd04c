namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>
/// 通知公告: posting with a rich-text editor (Quill, vendored; the API sanitises the HTML as for the mini-program),
/// read and sign-off figures with the unread names, and reminding exactly them, over /api/notices.
/// </summary>
public sealed class NoticesModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
