namespace SmartBranch.Api.Features.Dues;

/// <summary>
/// A member's payments as the branch committee sees them (Api/Features/Dues/README.md, "Committee"): what the
/// committee needs to refund a WeChat Pay payment made in error (<c>POST /api/dues/payments/{id}/refund</c>) or to
/// answer a member's question about a receipt.
/// </summary>
public static class ListMemberDuesPayments
{
    /// <summary>
    /// Every payment of the member, newest first (never paged: a member has a few a year): WeChat Pay orders in every
    /// state, cash and bank payments with their receipt numbers; amounts in fen, months as <c>yyyy-MM</c>. The committee
    /// of the member's branch and the admins above it; 403 for a plain member of that branch (their own list is
    /// <c>GET /api/dues/me/payments</c>), 404 for anyone outside it or an unknown member.
    /// </summary>
    public static async Task<Results<Ok<ListPage<DuesViews.Payment>>, ProblemHttpResult>> Handle(
        int memberId, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var (member, refusal) = await DuesAccess.LoadMemberAsync(db, current, memberId, selfAllowed: false, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        var payments = await db.DuesPayments.AsNoTracking()
            .Where(p => p.MemberId == member.Id)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<DuesViews.Payment>(payments.Select(DuesViews.ToView).ToList()));
    }
}
