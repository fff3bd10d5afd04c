namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>组织与任职: a unit, its committee today, appointments and party groups, over /api/org and /api/appointments.</summary>
public sealed class UnitsModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
