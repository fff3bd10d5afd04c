using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartBranch.Api.Areas.Console.Pages;

/// <summary>The console's home: who is signed in and, for the committee, the pages they may open.</summary>
public sealed class IndexModel(ConsoleViewer viewer) : PageModel
{
    public ConsoleUser? Viewer { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Viewer = await viewer.GetAsync(cancellationToken);
}
