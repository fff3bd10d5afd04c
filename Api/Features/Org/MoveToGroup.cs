using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class MoveToGroup
{
    /// <summary>The party group of the member's own branch to move to, or null for none. No transfer: the branch stays.</summary>
    public sealed record Request(int? PartyGroupId);

    public sealed record Response(int MemberId, int BranchId, int? PartyGroupId);

    /// <summary>200; 400 for a group outside the member's branch or a closed one; 403/404 outside the caller's branches.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (member, refusal) = await db.LoadMemberAsync(access, id, access.CanManage, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        string groupName = "无党小组";
        if (request.PartyGroupId is int groupId)
        {
            var group = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == groupId && u.Kind == UnitKind.PartyGroup && u.ParentId == member.BranchId && u.ClosedOn == null, cancellationToken);
            if (group is null)
            {
                return Problems.BadRequest("党小组无效", "所选党小组不属于该党员所在支部，或已撤销。");
            }

            groupName = group.Name;
        }

        if (member.IsArchived)
        {
            return Problems.BadRequest("无法调整", "该党员已不在党员名册中。");
        }

        member.PlaceIn(member.BranchId, request.PartyGroupId);
        audit.Record(member.BranchId, "member.group", SubjectTypes.Member, member.Id, $"{member.Name} 调整到{groupName}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(member.Id, member.BranchId, member.PartyGroupId));
    }
}
