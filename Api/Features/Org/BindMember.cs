using SmartBranch.Api.Features.Me;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class BindMember
{
    /// <summary>
    /// The invitation (the scene from the mini-program code, e.g. "i=abc…", or just its code) and the
    /// caller's name and staff/student number as the branch roster has them.
    /// </summary>
    public sealed record Request(string Scene, string Name, string Number);

    /// <summary>The member the WeChat account is now bound to.</summary>
    public sealed record Response(MemberProfile Member);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Scene).NotEmpty().WithMessage("缺少邀请码，请重新扫描支部的邀请码。").MaximumLength(32);
            RuleFor(r => r.Name).NotEmpty().WithMessage("请填写姓名。").MaximumLength(Member.NameMaxLength);
            RuleFor(r => r.Number).NotEmpty().WithMessage("请填写学工号。").MaximumLength(Member.NumberMaxLength);
        }
    }

    private const string MismatchDetail = "邀请码无效，或姓名、学工号与支部名册不符。请核对后重试，或联系支部委员。";

    /// <summary>
    /// 200 with the member; 400 when the invitation, name and number do not fit one roster entry (one answer for all,
    /// counted against the account) or the invitation is revoked, expired or used up; 409 when the entry or the account
    /// is bound already; 429 after too many failures (the gate in front of the handler).
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request,
        AccessCache cache,
        BindFailureLimiter limiter,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var openId = current.OpenId;

        var code = Invitation.CodeFromScene(request.Scene);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        var name = request.Name.Trim();
        var number = MemberFields.NumberKey(request.Number);
        var member = invitation is null
            ? null
            : await db.Members.FirstOrDefaultAsync(m => m.BranchId == invitation.BranchId && m.Number.ToUpper() == number && m.Name == name && m.ArchivedOn == null, cancellationToken);

        // One answer for "no such invitation", "no such person" and "name does not fit the number",
        // so trying cannot tell which roster entries exist; every such try counts against the account.
        if (invitation is null || member is null)
        {
            await limiter.RecordFailureAsync(openId);
            return Problems.BadRequest("绑定失败", MismatchDetail);
        }

        var now = time.GetUtcNow();
        if (invitation.CheckUsable(now).Error is { } refused)
        {
            return Problems.From(refused);
        }

        invitation.RecordUse();
        var (profile, error) = await RosterBinding.BindAsync(
            db, cache, member, openId, "通过邀请绑定微信", "该邀请或党员信息刚刚已被使用，请联系支部委员。", now, cancellationToken);
        return profile is null ? Problems.From(error!) : TypedResults.Ok(new Response(profile));
    }
}
