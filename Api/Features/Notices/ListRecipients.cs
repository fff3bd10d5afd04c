namespace SmartBranch.Api.Features.Notices;

public static class ListRecipients
{
    /// <summary>Which members to list: all, or those who have (not) read or (not) signed off.</summary>
    public enum RecipientState
    {
        All,
        Unread,
        Read,
        Acked,
        Unacked,
    }

    /// <summary>A member of the audience and what they have done.</summary>
    public sealed record Recipient(int MemberId, string Name, string Number, string BranchName, DateTimeOffset? ReadAt, DateTimeOffset? AckedAt);

    /// <summary>Figures against the audience at publication, and the members in the requested state.</summary>
    public sealed record Response(NoticeFigures Figures, RecipientState State, IReadOnlyList<Recipient> Members);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        string? state,
        CurrentMember current,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);

        // The only callers answered are the notice's managers, who need neither the tracked notice nor their own
        // recipient row: one query reads the owner and the figures together (counted over the (NoticeId, MemberId) index).
        var found = await db.Notices.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new
            {
                n.UnitId,
                n.RequiresAck,
                Audience = db.NoticeRecipients.Count(r => r.NoticeId == n.Id),
                Read = db.NoticeRecipients.Count(r => r.NoticeId == n.Id && r.FirstReadAt != null),
                Acked = db.NoticeRecipients.Count(r => r.NoticeId == n.Id && r.AckedAt != null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        NoticeFigures figures;
        if (found is not null && NoticeRules.CanManage(viewer, found.UnitId))
        {
            figures = NoticeFigureQueries.From(found.Audience, found.Read, found.Acked, found.RequiresAck);
        }
        else
        {
            // Everyone else gets the notices' usual refusal (404 unless they may read it, then 403).
            var (notice, _, refusal) = await NoticeRules.LoadManageableAsync(
                db, id, viewer, "只有发布单位的支委或党总支管理员可以查看阅读情况。", cancellationToken);
            if (notice is null)
            {
                return Problems.From(refusal!);
            }

            figures = await NoticeFigureQueries.LoadAsync(db, notice.Id, notice.RequiresAck, cancellationToken);
        }

        var wanted = RecipientState.All;
        if (!string.IsNullOrEmpty(state) && (!Enum.TryParse(state, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted)))
        {
            return Problems.BadRequest("参数无效", "名单类别无效：只能查看全部、未读、已读、已确认或未确认的名单。");
        }

        var rows = db.NoticeRecipients.AsNoTracking().Where(r => r.NoticeId == id);
        rows = wanted switch
        {
            RecipientState.Unread => rows.Where(r => r.FirstReadAt == null),
            RecipientState.Read => rows.Where(r => r.FirstReadAt != null),
            RecipientState.Acked => rows.Where(r => r.AckedAt != null),
            RecipientState.Unacked => rows.Where(r => r.AckedAt == null),
            _ => rows,
        };
        var members = await rows
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r, m })
            .Join(db.Units, x => x.m.BranchId, u => u.Id, (x, u) => new { x.r, x.m, BranchName = u.Name })
            .OrderBy(x => x.m.Name).ThenBy(x => x.m.Id)
            .Select(x => new Recipient(x.m.Id, x.m.Name, x.m.Number, x.BranchName, x.r.FirstReadAt, x.r.AckedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(figures, wanted, members));
    }
}
