using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class AddMember
{
    /// <summary>Add a roster entry to a branch (committee and admins); it stays unbound until the person binds their WeChat account.</summary>
    public static async Task<Results<Created<MemberEntry>, ProblemHttpResult>> Handle(
        int id,
        MemberDetails request,
        PhoneNumbers phones,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadBranchAsync(access, id, access.CanManage, "无法添加", "党员只能添加到党支部；要编入党小组，请在所属党支部下添加党员时选择党小组。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var today = LocalCalendar.Today(time.GetUtcNow());
        if (await MemberFields.CheckAsync(db, id, request, today, cancellationToken) is { Error: { } error })
        {
            return Problems.From(error);
        }

        var number = request.Number.Trim();
        if (await MemberFields.NumberTakenAsync(db, number, null, cancellationToken))
        {
            return Problems.Conflict("学工号重复", "该学工号已在名册中，请核对后再添加。");
        }

        var member = new Member(request.Name.Trim(), number, id, request.Status);
        MemberFields.Apply(member, request, phones);
        db.Members.Add(member);
        try
        {
            await db.SaveWithAuditAsync(() => audit.Record(id, "member.created", SubjectTypes.Member, member.Id, $"添加党员 {member.Name}（{member.Number}）"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same number at the same moment; the unique index refused the second.
            return Problems.Conflict("学工号重复", "该学工号已在名册中，请核对后再添加。");
        }

        var entry = (await MemberEntries.BuildAsync(db, access, phones, [member], today, cancellationToken))[0];
        return TypedResults.Created($"/api/org/units/{id}/members", entry);
    }
}
