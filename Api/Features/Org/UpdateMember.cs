using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Org;

public static class UpdateMember
{
    /// <summary>Edit a roster entry (committee of its branch and admins): every field is replaced; an empty phone removes it.</summary>
    public static async Task<Results<Ok<MemberEntry>, ProblemHttpResult>> Handle(
        int id,
        MemberDetails request,
        PhoneNumbers phones,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (member, refusal) = await db.LoadMemberAsync(access, id, access.CanManage, cancellationToken);
        if (member is null)
        {
            return Problems.From(refusal!);
        }

        var today = LocalCalendar.Today(time.GetUtcNow());
        if (await MemberFields.CheckAsync(db, member.BranchId, request, today, cancellationToken) is { Error: { } error })
        {
            return Problems.From(error);
        }

        var number = request.Number.Trim();
        if (await MemberFields.NumberTakenAsync(db, number, member.Id, cancellationToken))
        {
            return Problems.Conflict("学工号重复", "该学工号已在名册中，请核对后再修改。");
        }

        MemberFields.Apply(member, request, phones);
        audit.Record(member.BranchId, "member.updated", SubjectTypes.Member, member.Id, $"修改党员信息 {member.Name}（{member.Number}）");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("保存失败", "该党员信息刚被修改或学工号已被占用，请刷新后重试。");
        }

        return TypedResults.Ok((await MemberEntries.BuildAsync(db, access, phones, [member], today, cancellationToken))[0]);
    }
}
