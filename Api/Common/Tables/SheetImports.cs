using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common.Tables;

/// <summary>The rows of an uploaded sheet and the name the file had.</summary>
public sealed record SheetUpload(IReadOnlyList<TableRow> Rows, string FileName);

/// <summary>A bad row, numbered as Excel shows it (the header is row 1), with every reason it is bad.</summary>
public sealed record RowError(int Row, IReadOnlyList<string> Reasons);

/// <summary>
/// An import's verdict on every row of a sheet, all checked before anything is written: each row is accepted (its value)
/// or refused with every reason it is bad. Refused rows go to <see cref="SheetImports.RowsRefused"/>; nothing is written then.
/// </summary>
/// <typeparam name="T">What an accepted row becomes.</typeparam>
public sealed class CheckedRows<T>
{
    private readonly List<T> _accepted = [];
    private readonly List<RowError> _errors = [];

    /// <summary>The accepted rows' values, in sheet order.</summary>
    public IReadOnlyList<T> Accepted => _accepted;

    /// <summary>The refused rows (Excel row numbers), in sheet order.</summary>
    public IReadOnlyList<RowError> Errors => _errors;

    /// <summary>
    /// Records <paramref name="row"/>: refused with <paramref name="reasons"/> when there are any, else accepted as
    /// <paramref name="accept"/> makes it (called only then, so it may rely on what the checks found).
    /// </summary>
    public void Add(TableRow row, List<string> reasons, Func<T> accept)
    {
        if (reasons.Count > 0)
        {
            _errors.Add(new RowError(row.RowNumber, reasons));
        }
        else
        {
            _accepted.Add(accept());
        }
    }

    /// <summary><c>var (accepted, errors) = checks;</c></summary>
    public void Deconstruct(out IReadOnlyList<T> accepted, out IReadOnlyList<RowError> errors)
    {
        accepted = _accepted;
        errors = _errors;
    }
}

/// <summary>
/// What every spreadsheet import into a branch shares (roster, graduation batch, development ledger): the branch the
/// caller manages, the uploaded sheet with its required columns, and the all-or-nothing refusal that lists every bad row.
/// </summary>
public static class SheetImports
{
    /// <summary>The largest file accepted (bytes).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The most data rows one file may have.</summary>
    public const int MaxRows = 5000;

    /// <summary>
    /// The branch <paramref name="unitId"/> (404 unless visible, 403 unless the caller manages it, 400 with
    /// <paramref name="branchOnly"/> when it is not a branch) and its uploaded sheet (<see cref="ReadAsync"/>).
    /// </summary>
    public static async Task<Result<(OrganizationUnit Branch, SheetUpload Upload)>> ReadForBranchAsync(
        AppDbContext db, AccessScope access, int unitId, HttpRequest http, string branchOnly,
        IReadOnlyList<string> required, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        var (unit, refusal) = await db.LoadBranchAsync(access, unitId, access.CanManage, "无法导入", branchOnly, cancellationToken, code: "upload.not_a_branch");
        if (unit is null)
        {
            return refusal!;
        }

        var (upload, fileProblem) = await ReadAsync(http, required, headers, cancellationToken);
        return fileProblem is not null ? fileProblem : (unit, upload!);
    }

    /// <summary>
    /// Reads an uploaded sheet (multipart field "file", .xlsx or .csv, at most 5 MB and <see cref="MaxRows"/> rows)
    /// that has the <paramref name="required"/> columns; 400 (title 文件无效) naming what is wrong otherwise.
    /// </summary>
    public static async Task<Result<SheetUpload>> ReadAsync(
        HttpRequest http, IReadOnlyList<string> required, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        static DomainError Fail(string detail) => new("upload.invalid_file", detail, ErrorKind.Invalid, "文件无效");

        var (form, broken) = await RequestForms.ReadAsync(http, "请以 multipart/form-data 上传名册文件（字段名 file）。", cancellationToken);
        if (broken is not null)
        {
            return broken;
        }

        var file = form!.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Fail("请选择要导入的名册文件（字段名 file）。");
        }

        if (file.Length > MaxFileBytes)
        {
            return Fail("文件不能超过 5 MB。");
        }

        if (TableFile.ParseFormat(Path.GetExtension(file.FileName).TrimStart('.')) is not { } format)
        {
            return Fail("仅支持 .xlsx 或 .csv 文件。");
        }

        IReadOnlyList<TableRow> rows;
        try
        {
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancellationToken);
            stream.Position = 0;
            rows = TableFile.Read(stream, format);
        }
        catch (TableFileException ex)
        {
            return Fail(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MiniExcel throws many kinds of exceptions for a damaged file; all mean "cannot read it".
            return Fail($"文件无法读取，请确认是有效的 {TableFile.Extension(format)} 文件。");
        }

        if (rows.Count == 0)
        {
            return Fail("文件中没有数据行。");
        }

        if (rows.Count > MaxRows)
        {
            return Fail($"一次最多导入 {MaxRows} 行。");
        }

        var missing = required.Where(h => !rows[0].Cells.ContainsKey(h)).ToList();
        return missing.Count > 0
            ? Fail($"缺少必填列：{string.Join("、", missing)}。表头应为：{string.Join("、", headers)}。")
            : new SheetUpload(rows, file.FileName);
    }

    /// <summary>
    /// 400 for a file with bad rows: "共有 N 行有误，<paramref name="nothingDone"/>。请按提示修改后重新上传。" under
    /// <paramref name="title"/>, and <c>rows</c> listing every bad row (<see cref="RowError"/>).
    /// </summary>
    public static ProblemHttpResult RowsRefused(IReadOnlyList<RowError> errors, string title, string nothingDone) =>
        TypedResults.Problem(
            $"共有 {errors.Count} 行有误，{nothingDone}。请按提示修改后重新上传。",
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            extensions: new Dictionary<string, object?> { ["rows"] = errors });
}
