using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class UpdateScreenLink
{
    /// <summary>The display's name and how it names people (<c>initialsOnly</c>: 王＊＊ instead of the whole name).</summary>
    public sealed record Request(string? Label, bool? InitialsOnly);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Label).MaximumLength(ScreenLink.LabelMaxLength).WithMessage($"名称不能超过{ScreenLink.LabelMaxLength}个字。");
            RuleFor(r => r.InitialsOnly).NotNull().WithMessage("请选择大屏上显示全名还是只显示姓氏。");
        }
    }

    /// <summary>
    /// Changes an active link (committee of its unit); open displays follow at once. Errors: 404 (unknown, revoked, or
    /// another organisation's link), 400 (bad input).
    /// </summary>
    public static async Task<Results<Ok<CreateScreenLink.Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        HttpRequest http,
        CurrentMember current,
        AppDbContext db,
        AuditTrail audit,
        ScreenSignals screens,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var link = await db.ScreenLinks.FirstOrDefaultAsync(l => l.Id == id && l.RevokedAt == null, cancellationToken);
        if (link is null || !UnitAccess.Check(access, link.UnitId, u => BrandRules.CanApprove(access, u)).Succeeded)
        {
            return Problems.NotFound("未找到该大屏链接（或已撤销），或您无权查看。");
        }

        link.Change(string.IsNullOrWhiteSpace(request.Label) ? null : request.Label.Trim(), request.InitialsOnly!.Value);
        await db.SaveWithAuditAsync(
            () => audit.Record(link.UnitId, "screen_link.changed", SubjectTypes.ScreenLink, link.Id, link.InitialsOnly ? "大屏改为只显示姓氏" : "大屏改为显示全名"),
            cancellationToken);
        screens.Changed(link.UnitId);
        return TypedResults.Ok(CreateScreenLink.ToResponse(link, http));
    }
}
