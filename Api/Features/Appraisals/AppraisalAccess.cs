using SmartBranch.Domain.Common;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Appraisals;

/// <summary>
/// Who sees and runs an appraisal round: the members of its branch see it, the branch committee and the admins
/// above run it (open, close, results, export). Anyone else gets 404.
/// </summary>
internal static class AppraisalAccess
{
    public static bool CanRun(this AccessScope access, int branchId) => access.IsCommitteeOf(branchId) || access.CanManage(branchId);

    public static bool CanSee(this AccessScope access, AppraisalRound round) =>
        access.BranchId == round.BranchId || access.CanRun(round.BranchId) || round.Voters.Any(v => v.MemberId == access.MemberId);

    /// <summary>The round with its appraised members and electorate when the caller may see it; else 404. 403 when <paramref name="mustRun"/> and they may not run it.</summary>
    public static async Task<Result<AppraisalRound>> FindAsync(
        AppDbContext db, AccessScope access, int id, bool tracked, bool mustRun, CancellationToken cancellationToken)
    {
        var query = db.AppraisalRounds.Include(r => r.Appraised).Include(r => r.Voters).AsSplitQuery().Where(r => r.Id == id);
        var round = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (round is null || !access.CanSee(round))
        {
            return Refusals.NotFound("评议不存在或您无权查看。");
        }

        return mustRun && !access.CanRun(round.BranchId) ? Refusals.Forbidden("只有支部委员或党总支管理员可以进行此操作。") : round;
    }

    public static string DisplayName(this AppraisalGrade grade) => EnumLabels.Of(grade);
}
