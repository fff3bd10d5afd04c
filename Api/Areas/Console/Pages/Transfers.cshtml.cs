namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>组织关系转接: transfers of the branches the member manages and the step that waits for them, over /api/transfers.</summary>
public sealed class TransfersModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
