using System.Text.RegularExpressions;
using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static partial class UpdateBrand
{
    /// <summary>
    /// The whole brand at once. <c>logoMediaId</c>/<c>coverMediaId</c> are ids from <c>POST /api/media</c>
    /// (public images uploaded by the caller, or the ones already set); <c>themeColor</c> is <c>#RRGGBB</c>.
    /// </summary>
    public sealed record Request(
        string Name,
        string? Slogan,
        IReadOnlyList<string>? Labels,
        Guid? LogoMediaId,
        Guid? CoverMediaId,
        string? Introduction,
        string? ThemeColor);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("请填写品牌名称。")
                .MaximumLength(BrandProfile.NameMaxLength).WithMessage($"品牌名称不能超过{BrandProfile.NameMaxLength}个字。");
            RuleFor(r => r.Slogan).MaximumLength(BrandProfile.SloganMaxLength).WithMessage($"口号不能超过{BrandProfile.SloganMaxLength}个字。");
            RuleFor(r => r.Labels).Must(l => l is null || l.Count <= BrandProfile.MaxLabels).WithMessage($"品牌标签不能超过{BrandProfile.MaxLabels}个。");
            RuleForEach(r => r.Labels).NotEmpty().WithMessage("品牌标签不能为空。")
                .MaximumLength(BrandProfile.LabelMaxLength).WithMessage($"每个品牌标签不能超过{BrandProfile.LabelMaxLength}个字。")
                .Must(l => !l.Contains('|', StringComparison.Ordinal)).WithMessage("品牌标签不能包含“|”。");
            RuleFor(r => r.Introduction).MaximumLength(BrandProfile.IntroductionMaxLength).WithMessage($"简介不能超过{BrandProfile.IntroductionMaxLength}个字。");
            RuleFor(r => r.ThemeColor).Must(c => c is null || ColorPattern().IsMatch(c)).WithMessage("主题色应为 #RRGGBB 格式，例如 #C8161D。");
        }
    }

    public static async Task<Results<Ok<GetBrand.Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await BrandRules.LoadManagedBrandUnitAsync(db, access, id, "不能设置品牌", "品牌属于支部或党总支，党小组不单独设置品牌。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var brand = await db.BrandProfiles.FirstOrDefaultAsync(b => b.UnitId == id, cancellationToken);
        var newImages = new[] { request.LogoMediaId, request.CoverMediaId }
            .OfType<Guid>()
            .Where(m => m != brand?.LogoMediaId && m != brand?.CoverMediaId)
            .ToList();
        if ((await BrandRules.CheckImagesAsync(db, newImages, current.Id, Visibility.Public, cancellationToken)).Error is { } imageProblem)
        {
            return Problems.From(imageProblem);
        }

        var labels = request.Labels ?? [];
        var text = string.Join('\n', new[] { request.Slogan, string.Join(' ', labels), request.Introduction }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var (verdict, textRefusal) = await check.ScreenAsync(current.OpenId, request.Name.Trim(), [text], cancellationToken);
        if (textRefusal is not null)
        {
            return Problems.From(textRefusal);
        }

        // The brand is written by the committee itself; a "review" verdict is logged with the audit entry rather than held.
        var now = time.GetUtcNow();
        if (brand is null)
        {
            brand = new BrandProfile(id, now);
            db.BrandProfiles.Add(brand);
        }

        brand.Update(request.Name.Trim(), Blank(request.Slogan), labels, request.LogoMediaId, request.CoverMediaId, Blank(request.Introduction), request.ThemeColor, current.Id, now);
        audit.Record(id, "brand.updated", SubjectTypes.Brand, id, verdict == ContentVerdict.Pass ? $"更新品牌“{brand.Name}”" : $"更新品牌“{brand.Name}”（内容检测：{verdict}）");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the unique index kept one; the caller may simply save again.
            return Problems.Conflict("品牌已被修改", "其他支委刚刚保存了品牌，请刷新后重试。");
        }

        var stories = await db.Stories.CountAsync(s => s.UnitId == id && s.Status == StoryStatus.Published && s.Visibility == Visibility.Public, cancellationToken);
        return TypedResults.Ok(GetBrand.ToResponse(id, unit.Name, brand, stories, canEdit: true));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}
