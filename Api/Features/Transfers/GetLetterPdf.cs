using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class GetLetterPdf
{
    /// <summary>
    /// The printed letter of an outgoing transfer (application/pdf), for the sending branch's committee: the
    /// only place the full ID number appears. 404 without an issued letter or for others; 503 when the server
    /// has no CJK font (install fonts-wqy-microhei or set Letters:FontPath).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        IdNumbers ids,
        LetterPrinter printer,
        IOptions<LetterOptions> options,
        ILoggerFactory loggers,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (transfer, refusal) = await TransferAccess.LoadAsync(db, access, id, t => TransferAccess.IsSending(access, t), cancellationToken);
        if (transfer is null)
        {
            return Problems.From(refusal!);
        }

        if (transfer.LetterNumber is null || transfer.Kind != TransferKind.Outgoing || transfer.VerificationCode is null)
        {
            return Problems.NotFound("该转接尚未开具介绍信。");
        }

        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == transfer.MemberId, cancellationToken);
        var branch = await db.Units.AsNoTracking().FirstAsync(u => u.Id == transfer.FromBranchId, cancellationToken);
        var issuer = string.IsNullOrWhiteSpace(options.Value.IssuerName)
            ? await db.Units.AsNoTracking().Where(u => u.Id == branch.ParentId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty
            : options.Value.IssuerName.Trim();
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : options.Value.PublicBaseUrl.TrimEnd('/');
        var content = new LetterContent(
            transfer.LetterNumber, member.Name, transfer.Sex!.Value, Transfer.AgeOn(transfer.BirthDate!.Value, transfer.LetterIssuedOn!.Value), transfer.Ethnicity!,
            transfer.StatusOnLetter ?? member.Status, ids.Reveal(transfer.ProtectedIdNumber) ?? string.Empty, $"{issuer}{branch.Name}", transfer.ToOrganization!,
            transfer.DuesPaidUpTo, transfer.LetterIssuedOn.Value, transfer.ValidDays!.Value, transfer.ValidUntil!.Value, transfer.VerificationCode,
            $"{baseUrl}/verify/letters/{transfer.VerificationCode}");
        var (pdf, problem) = printer.Print(content);
        return pdf is null
            ? Problems.NoChineseFont(loggers.CreateLogger(typeof(GetLetterPdf)), "介绍信", problem!)
            : TypedResults.File(pdf, "application/pdf", $"letter-{transfer.LetterNumber}.pdf");
    }
}
