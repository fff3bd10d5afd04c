namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>党员名册: search, edit, status changes, import (row errors in a table) and export, over /api/org and /api/members.</summary>
public sealed class RosterModel : CommitteePageModel
{
    public void OnGet()
    {
    }
}
