using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class GraduationBatch
{
    public const string Number = "学工号";
    public const string Name = "姓名";
    public const string DestinationType = "毕业去向";
    public const string Destination = "转入党组织";

    public static readonly IReadOnlyList<string> Headers = [Number, Name, DestinationType, Destination];

    /// <summary>What the batch did (or, with <c>dryRun=true</c>, would do): one outgoing transfer per row, approved by the caller.</summary>
    public sealed record Response(bool DryRun, int Rows, int Created);

    /// <summary>
    /// The graduation batch of a student branch (Domain/README.md: 升学, 就业, 出国(境), 暂缓就业, 其他): a sheet with
    /// 学工号, 姓名, 毕业去向 and 转入党组织 creates an approved outgoing transfer for every row; letters are then
    /// issued one by one. The same import rules as the roster: the whole file is checked first and if any row is
    /// bad nothing is written and every bad row is listed (400 with <c>rows</c>: row number as Excel shows it,
    /// reasons). 403/404 unless the caller manages the branch.
    /// </summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        bool? dryRun,
        HttpRequest http,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (read, refusal) = await SheetImports.ReadForBranchAsync(db, access, id, http, "毕业批量转出按党支部办理。", Headers, Headers, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        var (_, (rows, fileName)) = read;

        // 学工号 matched as binding and the roster import match them (Org.MemberFields.NumberKey): case does not matter.
        var members = (await db.Members.Where(m => m.BranchId == id && m.ArchivedOn == null).ToListAsync(cancellationToken)).ToLookup(m => Org.MemberFields.NumberKey(m.Number));
        var busy = (await db.Transfers.Where(t => t.FromBranchId == id && (t.State == TransferState.Requested || t.State == TransferState.Approved)).Select(t => t.MemberId).ToListAsync(cancellationToken)).ToHashSet();
        var checks = new CheckedRows<(Member Member, GraduationDestination Type, string Organization)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            var number = row[Number];
            var key = Org.MemberFields.NumberKey(number);
            var matches = members[key].ToList();
            var member = matches.Count == 1 ? matches[0] : null;
            if (number.Length == 0)
            {
                reasons.Add("缺少学工号");
            }
            else if (seen.TryGetValue(key, out var first))
            {
                reasons.Add($"学工号“{number}”与第 {first} 行重复");
            }
            else if (matches.Count > 1)
            {
                reasons.Add($"学工号“{number}”在名册中对应多名党员（学工号仅大小写不同），请先在名册中更正");
            }
            else if (member is null)
            {
                reasons.Add($"本支部名册中没有学工号“{number}”");
            }
            else if (member.Name != row[Name])
            {
                reasons.Add($"姓名“{row[Name]}”与名册（{member.Name}）不符");
            }
            else if (busy.Contains(member.Id))
            {
                reasons.Add("该党员已有正在办理的组织关系转接");
            }

            if (number.Length > 0)
            {
                seen.TryAdd(key, row.RowNumber);
            }

            var type = ParseDestination(row[DestinationType]);
            if (type is null)
            {
                reasons.Add($"毕业去向“{row[DestinationType]}”无效，应为 升学、就业、出国(境)、暂缓就业 或 其他");
            }

            var organization = row[Destination];
            if (organization.Length == 0 && type is not (GraduationDestination.DeferredEmployment or GraduationDestination.Other))
            {
                reasons.Add("缺少转入党组织");
            }
            else if (organization.Length > Transfer.OrganizationMaxLength)
            {
                reasons.Add($"转入党组织不能超过 {Transfer.OrganizationMaxLength} 个字");
            }

            checks.Add(row, reasons, () => (member!, type!.Value, organization.Length == 0 ? "（待定）" : organization));
        }

        var (parsed, errors) = checks;

        if (errors.Count > 0)
        {
            return SheetImports.RowsRefused(errors, "毕业转出名单有误", "未创建任何转接");
        }

        if (dryRun == true)
        {
            return TypedResults.Ok(new Response(true, parsed.Count, 0));
        }

        var now = time.GetUtcNow();
        foreach (var (member, type, organization) in parsed)
        {
            var transfer = Transfer.RequestOutgoing(member, organization, $"毕业转出（{DestinationName(type)}）", current.Id, now, type);
            transfer.Approve(current.Id, null, now);
            db.Transfers.Add(transfer);
        }

        audit.Record(id, "transfers.graduation", SubjectTypes.Unit, id, $"毕业批量转出 {fileName}：{parsed.Count} 人");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(false, parsed.Count, parsed.Count));
    }

    public static GraduationDestination? ParseDestination(string text) => text.Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal) switch
    {
        "升学" => GraduationDestination.FurtherStudy,
        "就业" => GraduationDestination.Employment,
        "出国(境)" or "出国" or "出境" => GraduationDestination.Abroad,
        "暂缓就业" => GraduationDestination.DeferredEmployment,
        "其他" => GraduationDestination.Other,
        _ => null,
    };

    public static string DestinationName(GraduationDestination type) => EnumLabels.Of(type);
}
