namespace SmartBranch.Api.Features.Dues;

public static class ListMyDuesPayments
{
    /// <summary>The caller's payments, newest first, each with its months, amount (fen), state and receipt number.</summary>
    public sealed record Response(IReadOnlyList<DuesViews.Payment> Payments);

    public static async Task<Ok<Response>> Handle(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var payments = await db.DuesPayments.AsNoTracking()
            .Where(p => p.MemberId == current.Id)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(payments.Select(DuesViews.ToView).ToList()));
    }
}
