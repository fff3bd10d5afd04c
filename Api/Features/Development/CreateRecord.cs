using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;

namespace SmartBranch.Api.Features.Development;

public static class CreateRecord
{
    /// <summary>
    /// A person who handed in a written application (step 1) to branch <c>branchId</c>: name, student/staff number,
    /// date of birth and the day the application was received (China time), with an optional note.
    /// </summary>
    public sealed record Request(int BranchId, string Name, string Number, DateOnly? BirthDate, DateOnly? AppliedOn, string? Note);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("请填写姓名。").MaximumLength(DevelopmentRecord.NameMaxLength);
            RuleFor(r => r.Number).NotEmpty().WithMessage("请填写学工号。").MaximumLength(DevelopmentRecord.NumberMaxLength);
            RuleFor(r => r.BirthDate).NotNull().WithMessage("请填写出生日期（用于核对递交申请时的年龄）。");
            RuleFor(r => r.AppliedOn).NotNull().WithMessage("请填写递交入党申请书的日期。");
            RuleFor(r => r.Note).MaximumLength(DevelopmentStep.NoteMaxLength);
        }
    }

    /// <summary>
    /// 201 with the record (stage 入党申请人). 400 when the applicant is younger than the rules allow on the day of
    /// application (with <c>possibleOn</c>), the date lies ahead, or the unit is not a branch; 409 when the number
    /// is already in the branch's records or on the roster; 403/404 outside the branches the caller manages.
    /// </summary>
    public static async Task<Results<Created<RecordView>, ProblemHttpResult>> Handle(
        Request request,
        TextContentCheck check,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadBranchAsync(access, request.BranchId, access.CanManage, "单位无效", "发展党员须由党支部办理。", cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        var name = request.Name.Trim();
        var number = Common.Tables.TableCells.NormalizeCode(request.Number);
        var key = Org.MemberFields.NumberKey(number);
        if (await db.DevelopmentRecords.AnyAsync(r => r.BranchId == unit.Id && r.Number.ToUpper() == key, cancellationToken)
            || await db.Members.AnyAsync(m => m.Number.ToUpper() == key && m.ArchivedOn == null, cancellationToken))
        {
            return Problems.Conflict("学工号已存在", $"学工号 {number} 已在本支部发展对象或党员名册中。");
        }

        var note = request.Note?.Trim() ?? string.Empty;
        var (screened, textRefusal) = await check.ScreenAsync(current.OpenId, name, [note], cancellationToken);
        if (textRefusal is not null)
        {
            return Problems.From(textRefusal);
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        var record = new DevelopmentRecord(unit.Id, name, number, request.BirthDate, now);
        var (_, error) = record.Record(DevelopmentStepKind.Application, request.AppliedOn!.Value, today, rules, note, [], StepDetails.None, current.Id, now);
        if (error is not null)
        {
            return error.Code == "development.too_early"
                ? DevelopmentAccess.TooEarly(error, record.EarliestOn(DevelopmentStepKind.Application, rules, null)!.Date)
                : Problems.From(error);
        }

        db.DevelopmentRecords.Add(record);
        try
        {
            await db.SaveWithAuditAsync(
                () => audit.Record(unit.Id, "development.created", SubjectTypes.DevelopmentRecord, record.Id, $"{name}（{number}）递交入党申请书（{request.AppliedOn:yyyy-MM-dd}）{screened.AuditNote()}"),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same number entered twice at once: the unique index keeps one. Anything else is a real failure.
            if (!await db.DevelopmentRecords.AsNoTracking().AnyAsync(r => r.BranchId == unit.Id && r.Number == number, CancellationToken.None))
            {
                throw;
            }

            return Problems.Conflict("学工号已存在", $"学工号 {number} 已在本支部发展对象中。");
        }

        return TypedResults.Created($"/api/development/records/{record.Id}", await DevelopmentViews.RecordAsync(db, record, rules, today, cancellationToken));
    }
}
