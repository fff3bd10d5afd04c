using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Study;

public static class ApproveMaterial
{
    public sealed record Response(int Id, SmartBranch.Domain.Study.StudyMaterialStatus Status);

    /// <summary>Publishes a held material (every video waits for this): another committee member of the owning unit or an admin above it, never its author (403).</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (readable, refusal) = await StudyAccess.LoadManageableAsync(db, access, id, cancellationToken);
        if (readable is null)
        {
            return Problems.From(refusal!);
        }

        var material = readable.Material;
        if (material.Approve(current.Id, time.GetUtcNow()) is { Error: { } refused })
        {
            return Problems.From(refused);
        }

        try
        {
            await db.SaveWithAuditAsync(() => audit.Record(material.UnitId, "study.material_approved", SubjectTypes.StudyMaterial, material.Id, $"审核通过学习资料《{material.Title}》"), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("学习资料已被处理", "该学习资料刚刚已被其他人审核或撤回，请刷新后重试。");
        }

        return TypedResults.Ok(new Response(material.Id, material.Status));
    }
}
