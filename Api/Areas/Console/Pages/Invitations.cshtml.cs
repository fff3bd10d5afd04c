namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>绑定邀请码: creates invitations (POST /api/org/units/{id}/invitations) and prints their codes as a sheet.</summary>
public sealed class InvitationsModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
