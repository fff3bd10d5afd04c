using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

/// <summary>Who may see a publicity: members of the organisation the branch belongs to (its general branch, or the branch alone).</summary>
internal static class PublicityAudience
{
    public static bool CanSee(AccessScope access, int branchId) => access.CanView(access.ParentOf(branchId) ?? branchId);

    /// <summary>The publicity; 404 when missing or outside the caller's organisation.</summary>
    public static async Task<Result<Publicity>> LoadAsync(AppDbContext db, AccessScope access, int id, CancellationToken cancellationToken)
    {
        var publicity = await db.Publicities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return publicity is null || !CanSee(access, publicity.BranchId) ? Refusals.NotFound("未找到该公示，或您无权查看。") : publicity;
    }
}

public static class ListPublicities
{
    /// <summary>200 with the publicities running today (China time) that the caller's organisation may see: the person's name, the step, first and last day.</summary>
    public static async Task<Ok<ListPage<PublicityView>>> Handle(CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var today = LocalCalendar.Today(time.GetUtcNow());
        var running = await db.Publicities.AsNoTracking().Where(p => p.StartsOn <= today && p.EndsOn >= today)
            .Join(db.DevelopmentRecords.AsNoTracking(), p => p.RecordId, r => r.Id, (p, r) => new { Publicity = p, r.Name })
            .OrderBy(x => x.Publicity.EndsOn)
            .ToListAsync(cancellationToken);
        var items = running.Where(x => PublicityAudience.CanSee(access, x.Publicity.BranchId))
            .Select(x => DevelopmentViews.Publicity(x.Publicity, x.Name, today))
            .ToList();
        return TypedResults.Ok(new ListPage<PublicityView>(items));
    }
}

public static class ObjectToPublicity
{
    /// <summary>The objection (异议), at most 1000 characters; only the branch committee reads it.</summary>
    public sealed record Request(string Text);

    public sealed record Response(int Id, DateTimeOffset CreatedAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写意见。").MaximumLength(PublicityObjection.TextMaxLength);
    }

    /// <summary>201 with the objection's id; 400 when the text is refused by the text policy; 409 when the publicity is not running today; 404 outside its organisation.</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        CurrentMember current,
        AppDbContext db,
        TextContentCheck check,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (publicity, refusal) = await PublicityAudience.LoadAsync(db, access, id, cancellationToken);
        if (publicity is null)
        {
            return Problems.From(refusal!);
        }

        var now = time.GetUtcNow();
        if (!publicity.IsRunning(LocalCalendar.Today(now)))
        {
            return Problems.Conflict("不在公示期内", $"公示期为 {publicity.StartsOn:yyyy-MM-dd} 至 {publicity.EndsOn:yyyy-MM-dd}。");
        }

        var text = request.Text.Trim();
        var (screened, textRefusal) = await check.ScreenAsync(current.OpenId, "公示意见", [text], cancellationToken);
        if (textRefusal is not null)
        {
            return Problems.From(textRefusal);
        }

        var objection = new PublicityObjection(publicity.Id, text, current.Id, now);
        db.PublicityObjections.Add(objection);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/development/publicity/{publicity.Id}/objections", new Response(objection.Id, objection.CreatedAt));
    }
}

public static class ListObjections
{
    /// <summary>An objection with who wrote it and when.</summary>
    public sealed record Item(int Id, string Text, int FromMemberId, string FromName, DateTimeOffset CreatedAt);

    /// <summary>200 with the objections, oldest first, for the branch committee (and admins above it); 403 for other members who see the publicity; 404 for others.</summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(int id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (publicity, refusal) = await PublicityAudience.LoadAsync(db, access, id, cancellationToken);
        if (publicity is null)
        {
            return Problems.From(refusal!);
        }

        if (!access.CanManage(publicity.BranchId))
        {
            return Problems.Forbidden("公示期间的意见只有支部委员会可以查看。");
        }

        var items = await db.PublicityObjections.AsNoTracking().Where(o => o.PublicityId == id)
            .Join(db.Members.AsNoTracking(), o => o.FromMemberId, m => m.Id, (o, m) => new Item(o.Id, o.Text, o.FromMemberId, m.Name, o.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<Item>(items.OrderBy(i => i.Id).ToList()));
    }
}
