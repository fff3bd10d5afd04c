using System.Security.Cryptography;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class IssueLetter
{
    /// <summary>
    /// The letter fields the roster does not hold (Domain/README.md: sex, age from the birth date, ethnicity, ID
    /// number) and the validity in days (default <c>Letters:ValidDays</c>, 30).
    /// </summary>
    public sealed record Request(Sex Sex, string Ethnicity, DateOnly BirthDate, string IdNumber, int? ValidDays);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Sex).IsInEnum().WithMessage("性别应为 Male 或 Female。");
            RuleFor(r => r.Ethnicity).NotEmpty().WithMessage("请填写民族。").MaximumLength(Transfer.EthnicityMaxLength);
            RuleFor(r => r.IdNumber).Must(IdNumbers.IsValid).WithMessage("身份证号码不正确（18位，校验位须正确）。");
            RuleFor(r => r.ValidDays).InclusiveBetween(1, 366).WithMessage("有效期应为1至366天。");
        }
    }

    /// <summary>
    /// Issues the letter of an approved outgoing transfer: a letter number and a public verification code;
    /// the member is archived as left (转出) today. 200 with the transfer (ID number masked); the PDF is at
    /// <c>/api/transfers/{id}/letter.pdf</c>. 400 for a birth date in the future; 403 unless the caller manages
    /// the sending branch; 409 unless approved.
    /// </summary>
    public static async Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        IdNumbers ids,
        TransferStep step,
        IOptions<LetterOptions> options,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var (loaded, refusal) = await step.LoadAsync(id, TransferAccess.IsSending, cancellationToken);
        if (loaded is null)
        {
            return Problems.From(refusal!);
        }

        var transfer = loaded.Transfer;

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        if (request.BirthDate >= today)
        {
            return Problems.BadRequest("出生日期无效", "出生日期应早于今天。");
        }

        var member = await db.Members.FirstAsync(m => m.Id == transfer.MemberId, cancellationToken);
        var details = new LetterDetails(request.Sex, request.Ethnicity.Trim(), request.BirthDate, ids.Protect(request.IdNumber.ToUpperInvariant()));
        var code = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", Transfer.CodeLength);
        var letterNumber = $"{today:yyyy}-{transfer.Id:D6}";
        if (transfer.IssueLetter(details, member.Status, letterNumber, code, today, request.ValidDays ?? options.Value.ValidDays).Error is { } error)
        {
            return Problems.From(error.As(ErrorKind.Conflict));
        }

        if (member.ApplyStatusChange(MemberStatusChange.Left, today, today).Error is { } archiveError)
        {
            return Problems.From(archiveError.As(ErrorKind.Conflict));
        }

        db.MemberStatusEvents.Add(new MemberStatusEvent(member.Id, member.BranchId, MemberStatusChange.Left, today, $"组织关系转往{transfer.ToOrganization}（介绍信 {letterNumber}）", null, current.Id, now));
        audit.Record(member.BranchId, "transfer.letter", SubjectTypes.Transfer, transfer.Id, $"为{member.Name}开具介绍信 {letterNumber}，有效期至 {transfer.ValidUntil:yyyy-MM-dd}");
        return await step.SaveAsync(loaded, cancellationToken);
    }
}
