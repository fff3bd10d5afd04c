namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>民主评议: a branch's appraisal rounds, opening and closing one, its results (counts only; ballots are secret), over /api/appraisals.</summary>
public sealed class AppraisalsModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
