namespace SmartBranch.Api.Features.Dues;

public static class ListMyDuesPayments
{

    public static async Task<Ok<ListPage<DuesViews.Payment>>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var payments = await db.DuesPayments.AsNoTracking()
            .Where(p => p.MemberId == current.Id)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<DuesViews.Payment>(payments.Select(DuesViews.ToView).ToList()));
    }
}
