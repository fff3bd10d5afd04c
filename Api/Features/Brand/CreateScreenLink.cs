using System.Security.Cryptography;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Brand;

public static class CreateScreenLink
{
    /// <summary><c>label</c> names the display, e.g. 党员活动室; <c>initialsOnly</c> (default false) names people on its check-in and message walls as 王＊＊ instead of in full.</summary>
    public sealed record Request(string? Label, bool InitialsOnly = false);

    /// <summary><c>url</c> is the page to open on the display; whoever has it sees the unit's public content until the link is revoked.</summary>
    public sealed record Response(int Id, string Token, string Url, string? Label, bool InitialsOnly, DateTimeOffset CreatedAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Label).MaximumLength(ScreenLink.LabelMaxLength).WithMessage($"名称不能超过{ScreenLink.LabelMaxLength}个字。");
        }
    }

    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        HttpRequest http,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await BrandRules.LoadManagedBrandUnitAsync(db, access, id, "不支持的组织", "大屏链接属于支部或党总支。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        // 32 URL-safe characters (192 bits): the token is the only key to the page.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var link = new ScreenLink(id, token, string.IsNullOrWhiteSpace(request.Label) ? null : request.Label.Trim(), current.Id, time.GetUtcNow(), request.InitialsOnly);
        db.ScreenLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(id, "screen_link.created", SubjectTypes.ScreenLink, link.Id, $"创建大屏链接{(link.Label is null ? string.Empty : "“" + link.Label + "”")}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/screen/{token}", ToResponse(link, http));
    }

    internal static Response ToResponse(ScreenLink link, HttpRequest http) =>
        new(link.Id, link.Token, $"{http.Scheme}://{http.Host}{http.PathBase}/screen/{link.Token}", link.Label, link.InitialsOnly, link.CreatedAt);
}
