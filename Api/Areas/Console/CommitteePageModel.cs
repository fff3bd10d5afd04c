using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartBranch.Api.Areas.Console;

/// <summary>
/// Base of every console page for the committee. A member without a committee role who opens one by its address gets
/// 404, as the API answers strangers; the data on the page still comes from the API, which decides unit by unit.
/// </summary>
public abstract class CommitteePageModel : PageModel
{
    /// <summary>The signed-in committee member (set before any handler runs).</summary>
    public ConsoleUser Viewer { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var viewer = context.HttpContext.RequestServices.GetRequiredService<ConsoleViewer>();
        var user = await viewer.GetAsync(context.HttpContext.RequestAborted);
        if (user is not { IsCommittee: true })
        {
            context.Result = new NotFoundResult();
            return;
        }

        Viewer = user;
        await next();
    }
}
