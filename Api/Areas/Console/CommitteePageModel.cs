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
    /// <summary>The 404 detail for a committee page opened by someone who is not on a committee.</summary>
    public const string NotFoundDetail = "未找到该页面，或您无权查看。";

    /// <summary>The signed-in committee member (set before any handler runs).</summary>
    public ConsoleUser Viewer { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var viewer = context.HttpContext.RequestServices.GetRequiredService<ConsoleViewer>();
        var user = await viewer.GetAsync(context.HttpContext.RequestAborted);
        if (user is not { IsCommittee: true })
        {
            // The same 404 whether the page is not theirs or their committee role has ended; the ProblemDetails says
            // what was not found, as the API's do.
            context.HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = NotFoundDetail },
            });
            context.Result = new EmptyResult();
            return;
        }

        Viewer = user;
        await next();
    }
}
