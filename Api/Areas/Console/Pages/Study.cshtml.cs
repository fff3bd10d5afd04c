namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>学习教育: publishing a material (text, or a PDF, audio or video file through the chunked upload), giving an assignment to the unit or chosen members, the unit's materials and assignments, an assignment's completion with the reminder, and the yearly hours export, over /api/study.</summary>
public sealed class StudyModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
