namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>发展党员: the branch's worklist (overdue, due this month, stages with names), reminders, and the ledger's export and import, over /api/development.</summary>
public sealed class DevelopmentModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
