namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>学习教育: the branch's study materials and assignments, an assignment's completion with the reminder, and the yearly hours export, over /api/study.</summary>
public sealed class StudyModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
