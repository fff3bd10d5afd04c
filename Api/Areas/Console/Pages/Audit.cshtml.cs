namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>审计日志: GET /api/audit?unitId=&amp;before= page by page, filtered in the page by actor, text, subject type and China date.</summary>
public sealed class AuditModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
