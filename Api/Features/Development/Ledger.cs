using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Development;

/// <summary>
/// The ledger (发展党员工作台账) in the column order secretaries use: 支部, 姓名, 学工号, 出生日期, then one date column per
/// step, headed "1.递交入党申请书" … "25.材料归档" (a repeated step shows its latest day). Import reads the same headers.
/// </summary>
internal static class LedgerSheet
{
    public const string Branch = "支部";
    public const string Name = "姓名";
    public const string Number = "学工号";
    public const string BirthDate = "出生日期";

    public static string StepHeader(DevelopmentStepKind kind) => $"{kind.Number()}.{kind.DisplayName()}";

    public static readonly IReadOnlyList<string> Headers =
        [Branch, Name, Number, BirthDate, .. DevelopmentSteps.Numbered.Select(StepHeader)];

    public static readonly IReadOnlyList<string> Required = [Name, Number, StepHeader(DevelopmentStepKind.Application)];
}

public static class ExportLedger
{
    /// <summary>200 with the ledger of <c>unitId</c> (a branch, or a general branch for all its branches) as xlsx (default) or csv; 400 for another format; 403/404 outside the caller's management.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        int unitId,
        string? format,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (branches, refusal) = DevelopmentAccess.ManagedBranches(access, unitId);
        if (branches is null)
        {
            return Problems.From(refusal!);
        }

        var tableFormat = string.IsNullOrEmpty(format) ? TableFormat.Xlsx : TableFile.ParseFormat(format);
        if (tableFormat is not { } chosen)
        {
            return Problems.BadRequest("格式无效", "导出格式只能是 xlsx 或 csv。");
        }

        var units = await current.GetUnitsAsync(cancellationToken);
        var records = await db.DevelopmentRecords.AsNoTracking().Include(r => r.Steps).AsSplitQuery()
            .Where(r => branches.Contains(r.BranchId))
            .OrderBy(r => r.BranchId).ThenBy(r => r.Number)
            .ToListAsync(cancellationToken);
        var rows = records.Select(r => (IReadOnlyList<object?>)
        [
            units.Find(r.BranchId)?.Name,
            r.Name,
            r.Number,
            r.BirthDate,
            .. DevelopmentSteps.Numbered.Select(k => (object?)r.DateOf(k)),
        ]);

        var content = TableFile.Write(chosen, LedgerSheet.Headers, rows);
        var fileName = $"{units.Find(unitId)?.Name}-发展党员台账-{LocalCalendar.Today(time.GetUtcNow()):yyyyMMdd}.{TableFile.Extension(chosen)}";
        return TypedResults.File(content, TableFile.ContentType(chosen), fileName);
    }
}

public static class ImportLedger
{
    /// <summary>What the import did (or, with <c>dryRun=true</c>, would do): rows read, records created.</summary>
    public sealed record Response(bool DryRun, int Rows, int Created);

    /// <summary>
    /// Imports an existing ledger (multipart field "file", .xlsx or .csv, the export's headers; 支部 is informative) into
    /// branch <c>unitId</c>, so a branch starts with its history. The roster's import rules: the whole file is checked
    /// first and nothing is written if any row is bad (400 with <c>rows</c>: row number as Excel shows it and every
    /// reason); Chinese Excel dates and codes are normalised. A row's steps must be a run from step 1 without gaps, in
    /// date order, none after today; timing rules are not applied to history. A number already in the branch's records is
    /// a row error. People already on the roster (by number) are linked. 403/404 outside the caller's management.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int unitId,
        bool? dryRun,
        HttpRequest http,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (read, refusal) = await SheetImports.ReadForBranchAsync(db, access, unitId, http, "发展党员台账按党支部导入。", LedgerSheet.Required, LedgerSheet.Headers, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var (_, (rows, fileName)) = read;

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        var taken = (await db.DevelopmentRecords.AsNoTracking().Where(r => r.BranchId == unitId).Select(r => r.Number).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var checks = new CheckedRows<DevelopmentRecord>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (record, reasons) = Parse(row, unitId, taken, firstRowOf, rules, today, current.Id, now);
            checks.Add(row, reasons, () => record!);
        }

        var (records, errors) = checks;

        if (errors.Count > 0)
        {
            return SheetImports.RowsRefused(errors, "台账有误", "未导入任何数据");
        }

        if (dryRun == true)
        {
            return TypedResults.Ok(new Response(true, rows.Count, records.Count));
        }

        // Admitted people already on the roster are linked to their entry.
        var numbers = records.Where(r => r.LastNumber >= 15).Select(r => r.Number).ToList();
        var onRoster = await db.Members.AsNoTracking().Where(m => numbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, m => m.Id, cancellationToken);
        foreach (var record in records)
        {
            if (onRoster.TryGetValue(record.Number, out var memberId))
            {
                record.LinkMember(memberId);
            }
        }

        db.DevelopmentRecords.AddRange(records);
        audit.Record(unitId, "development.imported", SubjectTypes.Unit, unitId, $"导入发展党员台账 {fileName}：{records.Count} 人");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("导入冲突", "导入期间有学工号被他人登记，未导入任何数据。请重新上传。");
        }

        return TypedResults.Ok(new Response(false, rows.Count, records.Count));
    }

    private static (DevelopmentRecord? Record, List<string> Reasons) Parse(
        TableRow row, int branchId, HashSet<string> taken, Dictionary<string, int> firstRowOf, DevelopmentRules rules, DateOnly today, int recordedBy, DateTimeOffset now)
    {
        var reasons = new List<string>();
        var name = row[LedgerSheet.Name];
        if (name.Length == 0)
        {
            reasons.Add("缺少姓名");
        }
        else if (name.Length > DevelopmentRecord.NameMaxLength)
        {
            reasons.Add($"姓名不能超过 {DevelopmentRecord.NameMaxLength} 个字");
        }

        var number = TableCells.NormalizeCode(row[LedgerSheet.Number]);
        if (number.Length == 0)
        {
            reasons.Add("缺少学工号");
        }
        else if (number.Length > DevelopmentRecord.NumberMaxLength)
        {
            reasons.Add($"学工号不能超过 {DevelopmentRecord.NumberMaxLength} 位");
        }
        else if (taken.Contains(number))
        {
            reasons.Add($"学工号 {number} 已在本支部发展对象中");
        }
        else if (firstRowOf.TryGetValue(number, out var first))
        {
            reasons.Add($"学工号 {number} 与第 {first} 行重复");
        }
        else
        {
            firstRowOf[number] = row.RowNumber;
        }

        if (!TableCells.TryParseDate(row[LedgerSheet.BirthDate], out var birthDate))
        {
            reasons.Add($"出生日期「{row[LedgerSheet.BirthDate]}」无法识别");
        }

        var dates = new List<(DevelopmentStepKind Kind, DateOnly Day)>();
        var gap = (DevelopmentStepKind?)null;
        foreach (var kind in DevelopmentSteps.Numbered)
        {
            var header = LedgerSheet.StepHeader(kind);
            if (!TableCells.TryParseDate(row[header], out var day))
            {
                reasons.Add($"「{header}」的日期「{row[header]}」无法识别");
                continue;
            }

            if (day is null)
            {
                gap ??= kind;
                continue;
            }

            if (gap is { } missing)
            {
                reasons.Add($"「{header}」有日期，但之前的「{LedgerSheet.StepHeader(missing)}」为空");
                gap = null;
            }

            dates.Add((kind, day.Value));
        }

        if (dates.Count == 0 && reasons.Count == 0)
        {
            reasons.Add($"缺少「{LedgerSheet.StepHeader(DevelopmentStepKind.Application)}」的日期");
        }

        // Timing rules are not applied to history, but a birth date after the application (or after today) is a typo.
        if (birthDate is DateOnly born && (born > today || dates.Count > 0 && born >= dates[0].Day))
        {
            reasons.Add(born > today
                ? $"出生日期「{row[LedgerSheet.BirthDate]}」晚于今天"
                : $"出生日期「{row[LedgerSheet.BirthDate]}」不早于「{LedgerSheet.StepHeader(DevelopmentStepKind.Application)}」的日期");
        }

        if (reasons.Count > 0)
        {
            return (null, reasons);
        }

        var record = new DevelopmentRecord(branchId, name, number, birthDate, now);
        foreach (var (kind, day) in dates)
        {
            if (record.Record(kind, day, today, rules, string.Empty, [], StepDetails.None, recordedBy, now, history: true).Error is { } error)
            {
                reasons.Add($"「{LedgerSheet.StepHeader(kind)}」：{error.Message}");
                break;
            }
        }

        return (reasons.Count > 0 ? null : record, reasons);
    }
}
