using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;
using SmartBranch.Domain.Study;

namespace SmartBranch.Api.Features.Study;

/// <summary>A material and its media file (null for text).</summary>
internal sealed record ReadableMaterial(StudyMaterial Material, StudyMedia? Media);

/// <summary>
/// Who may see and manage study materials: the same levels as notices (Domain/README.md, "Notices and information
/// security"), decided over the caller's <see cref="AccessScope"/>. The audience of a material is its owning unit:
/// internal material reaches the members of that unit (a general branch's reach everyone in its branches),
/// committee material its committee (a general branch's admins). Anyone who may not see a material gets the
/// same 404 as for a missing id.
/// </summary>
internal static class StudyAccess
{
    /// <summary>The committee of the owning branch, or an admin above it.</summary>
    public static bool CanManage(AccessScope access, StudyMaterial material) => access.CanManage(material.UnitId);

    /// <summary>Managers see every state; others see published materials whose media is ready, at a level open to them.</summary>
    public static bool CanRead(AccessScope access, StudyMaterial material, StudyMedia? media) =>
        CanManage(access, material)
        || (material.IsPublished
            && (media is null || media.Status == StudyMediaStatus.Ready)
            && material.Visibility switch
            {
                Visibility.Public => true,
                Visibility.Internal => access.CanView(material.UnitId),
                _ => access.IsCommitteeOf(material.UnitId),
            });

    /// <summary>The material and its media when the caller may read it, otherwise the not-found refusal.</summary>
    public static async Task<Result<ReadableMaterial>> LoadReadableAsync(AppDbContext db, AccessScope access, int id, bool track, CancellationToken cancellationToken)
    {
        var query = track ? db.StudyMaterials : db.StudyMaterials.AsNoTracking();
        var material = await query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var media = material?.MediaId is Guid mediaId ? await db.StudyMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken) : null;
        return material is null || !CanRead(access, material, media) ? Refusals.NotFound("未找到该学习资料，或您无权查看。") : new ReadableMaterial(material, media);
    }

    /// <summary>As <see cref="LoadReadableAsync"/>, and forbidden (403) when the caller may read but not manage it.</summary>
    public static async Task<Result<ReadableMaterial>> LoadManageableAsync(AppDbContext db, AccessScope access, int id, CancellationToken cancellationToken)
    {
        var readable = await LoadReadableAsync(db, access, id, track: true, cancellationToken);
        return readable.Value is { } found && !CanManage(access, found.Material)
            ? Refusals.Forbidden("只有发布单位的支委或党总支管理员可以管理该学习资料。")
            : readable;
    }

    /// <summary>
    /// Materials the caller may read among <paramref name="candidates"/> (one query for their media): the list and
    /// assignment views filter with the same rule as a single read.
    /// </summary>
    public static async Task<IReadOnlyList<ReadableMaterial>> FilterReadableAsync(AppDbContext db, AccessScope access, IReadOnlyList<StudyMaterial> candidates, CancellationToken cancellationToken)
    {
        var mediaIds = candidates.Where(m => m.MediaId is not null).Select(m => m.MediaId!.Value).ToList();
        var media = await db.StudyMedia.AsNoTracking().Where(m => mediaIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return candidates
            .Select(m => new ReadableMaterial(m, m.MediaId is Guid id ? media.GetValueOrDefault(id) : null))
            .Where(r => CanRead(access, r.Material, r.Media))
            .ToList();
    }
}
