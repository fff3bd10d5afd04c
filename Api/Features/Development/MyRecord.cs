using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;

namespace SmartBranch.Api.Features.Development;

/// <summary>The person's own record: the account bound to it, or (after admission) the member it became.</summary>
internal static class OwnRecord
{
    public static Task<DevelopmentRecord?> LoadAsync(AppDbContext db, CurrentMember current, bool tracked, CancellationToken cancellationToken)
    {
        var openId = current.OpenId;
        var memberId = current.MemberId;
        var query = db.DevelopmentRecords.Include(r => r.Steps).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking())
            .FirstOrDefaultAsync(r => r.OpenId == openId || (memberId != null && r.MemberId == memberId), cancellationToken);
    }
}

public static class GetMyRecord
{
    /// <summary>200 with the caller's own development record: the timeline of steps, what comes next and from when, the tasks owed (thought reports), the contacts; 404 when the account is bound to none.</summary>
    public static async Task<Results<Ok<RecordView>, ProblemHttpResult>> Handle(CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await OwnRecord.LoadAsync(db, current, tracked: false, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("您的微信未绑定发展党员记录。");
        }

        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        return TypedResults.Ok(await DevelopmentViews.RecordAsync(db, record, rules, LocalCalendar.Today(time.GetUtcNow()), cancellationToken));
    }
}

public static class SubmitThoughtReport
{
    /// <summary>The thought report (思想汇报) as text, at most 500 characters (a summary; the full text goes to the contact), and the day written (default today, China time).</summary>
    public sealed record Request(string Text, DateOnly? WrittenOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Text).NotEmpty().WithMessage("请填写思想汇报的内容摘要。").MaximumLength(DevelopmentStep.NoteMaxLength);
    }

    /// <summary>201 with the record; 400 before the person is an activist, for a day ahead, or text refused by the text policy; 404 when the account is bound to no record; 409 on a simultaneous change.</summary>
    public static async Task<Results<Created<RecordView>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        TextContentCheck check,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var record = await OwnRecord.LoadAsync(db, current, tracked: true, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("您的微信未绑定发展党员记录。");
        }

        var text = request.Text.Trim();
        var (screened, textRefusal) = await check.ScreenAsync(current.OpenId, "思想汇报", [text], cancellationToken);
        if (textRefusal is not null)
        {
            return Problems.From(textRefusal);
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        var rules = await DevelopmentAccess.RulesAsync(db, cancellationToken);
        var (_, error) = record.Record(DevelopmentStepKind.ThoughtReport, request.WrittenOn ?? today, today, rules, text, [], StepDetails.None, null, now);
        if (error is not null)
        {
            return error.Code == "development.too_early"
                ? DevelopmentAccess.TooEarly(error, record.EarliestOn(DevelopmentStepKind.ThoughtReport, rules, null)!.Date)
                : Problems.From(error);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("记录冲突", "记录刚刚已被更新，请刷新后重试。");
        }

        return TypedResults.Created("/api/development/me", await DevelopmentViews.RecordAsync(db, record, rules, today, cancellationToken));
    }
}

public static class DevelopmentRulesEndpoints
{
    /// <summary>A timing rule: key, value (unit in the description), description, allowed range.</summary>
    public sealed record RuleView(string Key, int Value, string Description, int Min, int Max);

    /// <summary>The new value of one rule.</summary>
    public sealed record Request(int Value);

    /// <summary>200 with every timing rule in force (the configuration table, seeded with the 2014 rules' defaults).</summary>
    public static async Task<Ok<ListPage<RuleView>>> List(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.DevelopmentRules.AsNoTracking().OrderBy(r => r.Key).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<RuleView>(rows.Select(View).ToList()));
    }

    /// <summary>200 with the changed rule; 400 outside its range; 403 unless the caller administers a general branch; 404 for an unknown key.</summary>
    public static async Task<Results<Ok<RuleView>, ProblemHttpResult>> Set(
        string key,
        Request request,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, _, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        if (!access.IsAdmin)
        {
            return Problems.Forbidden("发展党员的时限规则由党总支管理员设置。");
        }

        var rule = await db.DevelopmentRules.FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (rule is null)
        {
            return Problems.NotFound("没有这条时限规则。");
        }

        var before = rule.Value;
        if (rule.Change(request.Value).Error is { } error)
        {
            return Problems.From(error);
        }

        var unitId = access.Roles.First(r => r.Role == Domain.Organization.CommitteeRole.GeneralBranchAdmin).UnitId;
        await db.SaveWithAuditAsync(() => audit.Record(unitId, "development.rule", SubjectTypes.DevelopmentRecord, null, $"{rule.Description}：{before} → {rule.Value}"), cancellationToken);
        return TypedResults.Ok(View(rule));
    }

    private static RuleView View(DevelopmentRule rule)
    {
        var (min, max) = DevelopmentRules.Ranges.GetValueOrDefault(rule.Key, (0, int.MaxValue));
        return new RuleView(rule.Key, rule.Value, rule.Description, min, max);
    }
}
