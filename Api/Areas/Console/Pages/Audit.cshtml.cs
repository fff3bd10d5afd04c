namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>审计日志: GET /api/audit page by page, filtered on the server by actor, action, subject type, text and China date.</summary>
public sealed class AuditModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
