using Microsoft.AspNetCore.Mvc;
using SmartBranch.Api.Features.Brand;
using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Areas.Portal.Pages.Activities;

/// <summary>/portal/activities/{id}: one Public activity (a cancelled one says so); Internal and Committee ones are 404.</summary>
public sealed class ShowActivityModel(AppDbContext db, TimeProvider time) : PortalPage(db)
{
    public sealed record View(int Id, int UnitId, string UnitName, string Title, string? Description, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? Capacity, int Confirmed, bool Cancelled, bool Ended);

    public View? Activity { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await PublicContent.Activities(Db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return Missing("活动");
        }

        var unitName = await Db.Units.Where(u => u.Id == activity.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        Activity = new View(activity.Id, activity.UnitId, unitName, activity.Title, activity.Description, activity.Place, activity.StartsAt, activity.EndsAt,
            activity.Capacity, activity.ConfirmedCount, activity.Status == ActivityStatus.Cancelled, activity.HasEnded(time.GetUtcNow()));
        var when = PortalText.DateTime(activity.StartsAt);
        Meta = new PortalMeta(activity.Title, PortalText.Describe($"{when} · {activity.Place}。{activity.Description}", activity.Title));
        return Page();
    }
}
