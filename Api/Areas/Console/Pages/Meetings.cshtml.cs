namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>
/// 会议: scheduling, the printable sign-in sheet (GET /api/meetings/{id}/attendance-sheet), minutes with revisions side
/// by side, resolutions, and compliance for the branch (or every branch, for the general branch), over /api/meetings.
/// </summary>
public sealed class MeetingsModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
