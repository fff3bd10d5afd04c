using SmartBranch.Api.Features.Org;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

public static class BindApplicant
{
    /// <summary>The branch's invitation (scene "i=…" or its code) and the person's name and student/staff number as the branch recorded them.</summary>
    public sealed record Request(string Scene, string Name, string Number);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Scene).NotEmpty().WithMessage("缺少邀请码，请重新扫描支部的邀请码。").MaximumLength(32);
            RuleFor(r => r.Name).NotEmpty().WithMessage("请填写姓名。").MaximumLength(Member.NameMaxLength);
            RuleFor(r => r.Number).NotEmpty().WithMessage("请填写学工号。").MaximumLength(Member.NumberMaxLength);
        }
    }

    private const string MismatchDetail = "邀请码无效，或姓名、学工号与支部的发展对象名单不符。请核对后重试，或联系支部委员。";

    /// <summary>
    /// Binds the signed-in WeChat account to a person in development with the branch's member invitation (the same
    /// invitations and the same failure limit as binding a member). 200 with the record as the person sees it. 400 for
    /// an unknown invitation or person (one answer for both), an expired, revoked or used invitation; 409 when the
    /// account or the record is already bound; 429 after too many failures.
    /// </summary>
    public static async Task<Results<Ok<RecordView>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        BindFailureLimiter limiter,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var openId = current.OpenId;
        if (current.IsBound || await db.DevelopmentRecords.AnyAsync(r => r.OpenId == openId, cancellationToken))
        {
            return Problems.Conflict("已绑定", "您的微信已绑定，无需重复绑定。");
        }

        if (await limiter.BlockedForAsync(openId) is { } wait)
        {
            return Problems.TooManyRequests(http, "绑定失败次数过多，请稍后再试。", (int)Math.Ceiling(wait.TotalSeconds));
        }

        var code = Invitation.CodeFromScene(request.Scene);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        var name = request.Name.Trim();
        var number = Common.Tables.TableCells.NormalizeCode(request.Number);
        var record = invitation is null
            ? null
            : await db.DevelopmentRecords.Include(r => r.Steps).FirstOrDefaultAsync(r => r.BranchId == invitation.BranchId && r.Number == number && r.Name == name && r.MemberId == null, cancellationToken);
        if (invitation is null || record is null)
        {
            await limiter.RecordFailureAsync(openId);
            return Problems.BadRequest("绑定失败", MismatchDetail);
        }

        var now = time.GetUtcNow();
        if (invitation.CheckUsable(now).Error is { } refused)
        {
            return Problems.From(refused);
        }

        if (record.BindTo(openId, now).Error is { } bound)
        {
            return Problems.From(bound);
        }

        invitation.RecordUse();
        // The audit log names a member as actor; the person is none yet, so the binding's trace is the record's BoundAt.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A single-use invitation taken a moment earlier, or the same account bound in a parallel request.
            return Problems.Conflict("绑定失败", "该邀请或您的微信刚刚已被使用，请联系支部委员。");
        }

        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        return TypedResults.Ok(await DevelopmentViews.RecordAsync(db, record, rules, LocalCalendar.Today(now), cancellationToken));
    }
}
