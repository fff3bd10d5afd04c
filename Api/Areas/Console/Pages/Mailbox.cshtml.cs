namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>书记信箱: the messages the member answers, overdue ones flagged, answered in a dialog, over /api/mailbox.</summary>
public sealed class MailboxModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
