using SmartBranch.Api.Common.Privacy;
using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

public static class ImportMembers
{
    /// <summary>
    /// What the import did (or, with <c>dryRun=true</c>, would do). Rows are matched to the roster by 学工号, as binding
    /// matches them (<see cref="MemberFields.NumberKey"/>: case and full-width digits do not matter).
    /// </summary>
    public sealed record Response(bool DryRun, int Rows, int Created, int Updated, int Unchanged);

    private sealed record Parsed(
        int RowNumber,
        string Name,
        string Number,
        string? Phone,
        MembershipStatus Status,
        int? GroupId,
        DateOnly? AdmittedOn,
        DateOnly? FullSince);

    /// <summary>
    /// Imports a roster sheet (multipart field "file", .xlsx or .csv) into the branch. The whole file is
    /// checked first; if any row is bad nothing is written and every bad row is listed. Members are
    /// matched by number: new numbers are added, changed rows updated, members missing from the file kept.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        bool? dryRun,
        HttpRequest http,
        PhoneNumbers phones,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (read, refusal) = await SheetImports.ReadForBranchAsync(db, access, id, http, "名册按党支部导入。", RosterSheet.Required, RosterSheet.Headers, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var (_, (rows, fileName)) = read;

        var today = LocalCalendar.Today(time.GetUtcNow());
        var groups = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == id && u.Kind == UnitKind.PartyGroup)
            .ToDictionaryAsync(u => u.Name, u => u.Id, cancellationToken);
        // Numbers are matched as binding matches them (MemberFields.NumberKey): "s2023001" is the roster's "S2023001".
        var numbers = rows.Select(r => MemberFields.NumberKey(r[RosterSheet.Number])).Where(n => n.Length > 0).Distinct().ToList();
        var elsewhere = await NumbersInOtherBranchesAsync(db, id, numbers, cancellationToken);

        var (parsed, errors) = Validate(rows, groups, elsewhere, today);
        if (errors.Count > 0)
        {
            return SheetImports.RowsRefused(errors, "名册有误", "未导入任何数据");
        }

        // The branch's roster is loaded once; every row is then matched in memory, by number key. A key held by two
        // members (numbers differing only in case, stored before import matched this way) cannot be matched: refused.
        var roster = (await db.Members.Where(m => m.BranchId == id).ToListAsync(cancellationToken)).ToLookup(m => MemberFields.NumberKey(m.Number));
        var ambiguous = parsed.Where(r => roster[MemberFields.NumberKey(r.Number)].Count() > 1)
            .Select(r => new RowError(r.RowNumber, [$"学工号“{r.Number}”在名册中对应多名党员（学工号仅大小写不同），请先在名册中更正"]))
            .ToList();
        if (ambiguous.Count > 0)
        {
            return SheetImports.RowsRefused(ambiguous, "名册有误", "未导入任何数据");
        }

        var existing = roster.ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var has = rows[0].Cells.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0, unchanged = 0;
        var apply = dryRun != true;
        foreach (var row in parsed)
        {
            if (!existing.TryGetValue(MemberFields.NumberKey(row.Number), out var member))
            {
                created++;
                if (apply)
                {
                    var added = new Member(row.Name, row.Number, id, row.Status);
                    added.UpdateDetails(row.Name, row.Number, phones.Protect(row.Phone));
                    added.SetMembership(row.Status, row.AdmittedOn, row.FullSince);
                    added.PlaceIn(id, row.GroupId);
                    db.Members.Add(added);
                }

                continue;
            }

            // Columns left out of the file keep what the roster has.
            var currentPhone = phones.Reveal(member.Phone);
            var phone = has.Contains(RosterSheet.Phone) ? row.Phone : currentPhone;
            var groupId = has.Contains(RosterSheet.Group) ? row.GroupId : member.PartyGroupId;
            var admittedOn = has.Contains(RosterSheet.AdmittedOn) ? row.AdmittedOn : member.AdmittedOn;
            var fullSince = has.Contains(RosterSheet.FullSince) ? row.FullSince : member.FullSince;
            if (!Member.CheckMembership(row.Status, admittedOn, fullSince, today).Succeeded)
            {
                // The kept dates do not fit the new status (e.g. 预备 with an old 转正日期): the file's own values win.
                (admittedOn, fullSince) = (row.AdmittedOn, row.FullSince);
            }

            var same = member.Name == row.Name && phone == currentPhone && member.Status == row.Status
                && member.PartyGroupId == groupId && member.AdmittedOn == admittedOn && member.FullSince == fullSince;
            if (same)
            {
                unchanged++;
                continue;
            }

            updated++;
            if (apply)
            {
                // The roster keeps its spelling of the number: the file matched it whatever the case.
                member.UpdateDetails(row.Name, member.Number, phone == currentPhone ? member.Phone : phones.Protect(phone));
                member.SetMembership(row.Status, admittedOn, fullSince);
                member.PlaceIn(id, groupId);
            }
        }

        if (apply && created + updated > 0)
        {
            audit.Record(id, "members.imported", SubjectTypes.Unit, id, $"导入名册 {fileName}：新增 {created} 人，更新 {updated} 人，未变 {unchanged} 人");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A number was taken (or a member changed) by someone else while the file was checked.
                return Problems.Conflict("导入冲突", "名册在导入期间被修改（例如学工号被占用），未导入任何数据。请重新上传。");
            }
        }

        return TypedResults.Ok(new Response(!apply, parsed.Count, created, updated, unchanged));
    }

    private static async Task<HashSet<string>> NumbersInOtherBranchesAsync(AppDbContext db, int branchId, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        // In chunks: SQL Server allows about 2,100 parameters per command. Keys (MemberFields.NumberKey) on both sides;
        // the stored side upper-cased in SQL as binding does.
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            found.UnionWith(await db.Members.AsNoTracking()
                .Where(m => m.BranchId != branchId && chunk.Contains(m.Number.ToUpper()))
                .Select(m => m.Number.ToUpper())
                .ToListAsync(cancellationToken));
        }

        return found;
    }

    private static CheckedRows<Parsed> Validate(
        IReadOnlyList<TableRow> rows,
        IReadOnlyDictionary<string, int> groups,
        IReadOnlySet<string> elsewhere,
        DateOnly today)
    {
        var checks = new CheckedRows<Parsed>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            var name = row[RosterSheet.Name];
            if (name.Length == 0)
            {
                reasons.Add("缺少姓名");
            }
            else if (name.Length > Member.NameMaxLength)
            {
                reasons.Add($"姓名不能超过 {Member.NameMaxLength} 个字");
            }

            // Codes as Excel users type them: full-width digits, NBSP and other Unicode spaces are normalised away.
            var number = TableCells.NormalizeCode(row[RosterSheet.Number]);
            if (number.Length == 0)
            {
                reasons.Add("缺少学工号");
            }
            else if (number.Length > Member.NumberMaxLength || !MemberFields.IsValidNumber(number))
            {
                reasons.Add($"学工号“{number}”格式不正确（只能包含字母、数字、下划线和短横线）");
            }
            else if (firstRowOf.TryGetValue(MemberFields.NumberKey(number), out var first))
            {
                reasons.Add($"学工号“{number}”与第 {first} 行重复");
            }
            else if (elsewhere.Contains(MemberFields.NumberKey(number)))
            {
                reasons.Add($"学工号“{number}”已属于其他党支部（需先办理组织关系转接）");
            }
            else
            {
                firstRowOf[MemberFields.NumberKey(number)] = row.RowNumber;
            }

            var phone = PhoneNumbers.Normalize(TableCells.NormalizeCode(row[RosterSheet.Phone]));
            if (phone.Length > 0 && !PhoneNumbers.IsValid(phone))
            {
                reasons.Add($"手机号“{row[RosterSheet.Phone]}”格式不正确（应为11位手机号码）");
            }

            var status = RosterSheet.ParseStatus(row[RosterSheet.Status]);
            if (status is null)
            {
                reasons.Add("党员状态应为“正式”或“预备”");
            }

            int? groupId = null;
            var groupName = row[RosterSheet.Group];
            if (groupName.Length > 0)
            {
                if (groups.TryGetValue(groupName, out var g))
                {
                    groupId = g;
                }
                else
                {
                    reasons.Add($"党小组“{groupName}”不存在于本支部");
                }
            }

            var admittedOk = RosterSheet.TryParseDate(row[RosterSheet.AdmittedOn], out var admittedOn);
            if (!admittedOk)
            {
                reasons.Add("入党日期格式不正确（应为 2021-07-01、2021/7/1、2021.07.01 或 2021年7月1日）");
            }

            var fullOk = RosterSheet.TryParseDate(row[RosterSheet.FullSince], out var fullSince);
            if (!fullOk)
            {
                reasons.Add("转正日期格式不正确（应为 2021-07-01、2021/7/1、2021.07.01 或 2021年7月1日）");
            }

            if (status is { } s && admittedOk && fullOk && Member.CheckMembership(s, admittedOn, fullSince, today) is { Error: { } rule })
            {
                reasons.Add(rule.Message.TrimEnd('。'));
            }

            checks.Add(row, reasons, () => new Parsed(row.RowNumber, name, number, phone.Length > 0 ? phone : null, status!.Value, groupId, admittedOn, fullSince));
        }

        return checks;
    }
}
