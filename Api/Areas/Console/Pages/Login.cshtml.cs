using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>Scan-to-login: the page asks /api/console-login for a ticket, shows its code and polls its status.</summary>
public sealed class LoginModel : PageModel
{
    /// <summary>Where to go after signing in: a console address only (never another site).</summary>
    public string ReturnUrl { get; private set; } = "/console";

    public void OnGet([FromQuery] string? returnUrl)
    {
        if (returnUrl is not null && returnUrl.StartsWith("/console", StringComparison.Ordinal) && !returnUrl.StartsWith("/console/login", StringComparison.Ordinal) && Url.IsLocalUrl(returnUrl))
        {
            ReturnUrl = returnUrl;
        }
    }
}
