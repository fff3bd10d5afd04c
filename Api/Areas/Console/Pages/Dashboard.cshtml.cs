namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>
/// 数据看板: attendance at meetings by month, reach of stories and notices, dues received by month, drawn with the
/// vendored ECharts; every chart's numbers are in a table under it. Development pipeline: waits for the development API.
/// </summary>
public sealed class DashboardModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
