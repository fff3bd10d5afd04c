namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>
/// 会议: scheduling, the list 20 a page ("更多" follows nextCursor), the printable sign-in sheet
/// (GET /api/meetings/{id}/attendance-sheet), the roll with leave requests to approve or decline
/// (POST /api/leave-requests/{id}/approve|reject) and members to check in by hand (POST /api/meetings/{id}/attendees/{memberId}/check-in),
/// minutes with revisions side by side (published only once the meeting has started), resolutions, and compliance for
/// the branch (or every branch, for the general branch), over /api/meetings.
/// </summary>
public sealed class MeetingsModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
