using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

public static class ListMaterials
{
    public const int PageSize = 30;

    /// <summary>
    /// Materials the caller may read, newest first, 30 a page (<c>cursor</c> is the last id seen), optionally of one
    /// <c>topic</c>, with the caller's own progress. Managers also see their units' pending and withdrawn materials.
    /// </summary>
    public static async Task<Results<Ok<ListPage<StudyMaterialView>>, ProblemHttpResult>> Handle(
        string? topic,
        string? cursor,
        CurrentMember current,
        AppDbContext db,
        IOptions<StudyOptions> options,
        CancellationToken cancellationToken)
    {
        if (!ListCursor.TryReadId(cursor, out var before))
        {
            return Problems.InvalidCursor();
        }

        var access = await current.GetAccessAsync(cancellationToken);
        var visible = access.VisibleUnitIds();
        var managed = visible.Where(access.CanManage).ToList();

        // Candidates: public materials anywhere, and anything of a unit the caller sees; the access rule filters exactly.
        var query = db.StudyMaterials.AsNoTracking()
            .Where(m => m.Visibility == SmartBranch.Domain.Common.Visibility.Public && m.Status == StudyMaterialStatus.Published || visible.Contains(m.UnitId))
            .Where(m => m.Status == StudyMaterialStatus.Published || managed.Contains(m.UnitId));
        if (!string.IsNullOrWhiteSpace(topic))
        {
            var wanted = topic.Trim();
            query = query.Where(m => m.Topic == wanted);
        }

        var page = new List<ReadableMaterial>();
        // Filtered in memory by the same rule as a single read; a page is filled from as many batches as it takes.
        while (page.Count < PageSize)
        {
            var candidates = await query.Where(m => before == null || m.Id < before).OrderByDescending(m => m.Id).Take(PageSize * 2).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            page.AddRange((await StudyAccess.FilterReadableAsync(db, access, candidates, cancellationToken)).Take(PageSize - page.Count));
            before = candidates[^1].Id;
            if (candidates.Count < PageSize * 2)
            {
                break;
            }
        }

        var ids = page.Select(r => r.Material.Id).ToList();
        var progress = await db.StudyProgress.AsNoTracking().Where(p => p.MemberId == current.Id && ids.Contains(p.MaterialId)).ToDictionaryAsync(p => p.MaterialId, cancellationToken);
        var items = page.Select(r => StudyViews.Material(r, progress.GetValueOrDefault(r.Material.Id), options.Value, null, current.Id)).ToList();
        var next = items.Count == PageSize ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new ListPage<StudyMaterialView>(items, next));
    }
}
