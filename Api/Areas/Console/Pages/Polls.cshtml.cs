namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>投票: the unit's polls with live results, starting and ending one, over /api/polls.</summary>
public sealed class PollsModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
