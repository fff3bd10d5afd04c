namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>
/// 党费管理: the branch's month (paid, unpaid, arrears by length with names, flagged members, disputed payments), a
/// reminder to the unpaid, a member's base for the year with its optional first owed month (起交月份), and a day's
/// reconciliation with WeChat Pay with one-click resolution, over /api/dues.
/// </summary>
public sealed class DuesModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
