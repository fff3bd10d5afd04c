namespace SmartBranch.Domain.Common;

/// <summary>
/// The release rule for content a committee posts that was held for review (a notice, a study material): only
/// held content is approved, and never by its author: another committee member or a general-branch admin
/// approves it, so nothing is published on one person's word alone.
/// </summary>
public static class HeldContent
{
    /// <summary>
    /// Refuses approving content that is not held (409 <c>{area}.not_pending</c>) or approving one's own
    /// (403 <c>{area}.self_approval</c>). <paramref name="area"/> prefixes the codes (<c>notice</c>, <c>study</c>);
    /// <paramref name="what"/> names the content in the message (通知, 学习资料).
    /// </summary>
    public static Result CheckApproval(bool isHeld, int authorMemberId, int approverMemberId, string area, string what)
    {
        if (!isHeld)
        {
            return DomainError.Conflict($"{area}.not_pending", $"该{what}不在待审核状态。");
        }

        if (approverMemberId == authorMemberId)
        {
            return DomainError.Forbidden($"{area}.self_approval", $"不能审核自己发布的{what}，请由其他支委或党总支管理员审核。");
        }

        return Result.Ok;
    }
}
