using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SmartBranch.Domain.Brand;

namespace SmartBranch.Api.Features.Brand;

public static partial class OpenShare
{
    /// <summary>
    /// <c>visitorId</c>: a random id the client generated and keeps (8–64 letters, digits, '-' or '_'); needed
    /// only when the opener is not signed in.
    /// </summary>
    public sealed record Request(string? VisitorId);

    /// <summary>What was shared, so the page can load it; <c>firstOpen</c> is false when this opener had opened it before.</summary>
    public sealed record Response(string SubjectType, int SubjectId, bool FirstOpen);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.VisitorId).Must(v => v is null || VisitorPattern().IsMatch(v)).WithMessage("访客标识无效（8–64位字母、数字、-或_）。");
        }
    }

    /// <summary>Records who opened a share: a member, a signed-in WeChat user, or an anonymous visitor; each counts once.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string shareId,
        Request request,
        HttpContext context,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var share = await db.Shares.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shareId, cancellationToken);
        if (share is null)
        {
            return Problems.NotFound("分享链接无效或已失效。");
        }

        var signedIn = context.User.Identity?.IsAuthenticated == true;
        int? memberId = signedIn ? current.MemberId : null;
        string key;
        if (memberId is int id)
        {
            key = $"m:{id}";
        }
        else if (signedIn)
        {
            // An unbound WeChat user: the openid identifies them across visits, hashed so it is not stored twice.
            key = "w:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(current.OpenId)))[..32];
        }
        else if (request.VisitorId is { } visitor)
        {
            key = $"v:{visitor}";
        }
        else
        {
            return Problems.BadRequest("无法识别访客", "页面未能识别您的访问，请关闭后重新打开分享链接。");
        }

        var first = !await db.ShareOpens.AnyAsync(o => o.ShareId == shareId && o.OpenerKey == key, cancellationToken);
        if (first)
        {
            db.ShareOpens.Add(new ShareOpen(shareId, key, memberId, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same opener twice at once: the unique index kept one.
                first = false;
            }
        }

        return TypedResults.Ok(new Response(share.SubjectType, share.SubjectId, first));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex VisitorPattern();
}
