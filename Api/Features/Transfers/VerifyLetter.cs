using System.Net;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Transfers;

public static class VerifyLetter
{
    /// <summary>
    /// The page the letter's QR code opens, for anyone: it says only whether the letter is genuine and
    /// whether it is still valid (valid until its last day, China time), nothing about the person.
    /// 200 text/html for a genuine letter; 404 text/html for an unknown code.
    /// </summary>
    public static async Task<IResult> Handle(string code, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var letter = normalized.Length == SmartBranch.Domain.Organization.Transfer.CodeLength
            ? await db.Transfers.AsNoTracking().Where(t => t.VerificationCode == normalized).Select(t => new { t.LetterNumber, t.ValidUntil, t.State }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (letter is null)
        {
            return Page(StatusCodes.Status404NotFound, "未找到该介绍信", "查无此介绍信：验证码不存在，该介绍信可能不是本系统开具的。");
        }

        var today = LocalCalendar.Today(time.GetUtcNow());
        var valid = letter.ValidUntil is DateOnly until && today <= until;
        return Page(StatusCodes.Status200OK, "介绍信验证",
            valid
                ? $"该介绍信（编号 {letter.LetterNumber}）为本系统开具的真实介绍信，在有效期内（有效期至 {letter.ValidUntil:yyyy-MM-dd}）。"
                : $"该介绍信（编号 {letter.LetterNumber}）为本系统开具的真实介绍信，但已过有效期（有效期至 {letter.ValidUntil:yyyy-MM-dd}）。",
            valid ? "valid" : "expired");
    }

    private static IResult Page(int status, string title, string message, string state = "unknown") => Results.Content(
        $"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <meta name="robots" content="noindex"><title>{WebUtility.HtmlEncode(title)}</title></head>
        <body><main data-state="{state}"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></main></body></html>
        """,
        "text/html; charset=utf-8",
        System.Text.Encoding.UTF8,
        status);
}
