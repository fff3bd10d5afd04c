using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Mailbox;

public static class GetMailboxFigures
{
    /// <summary>Messages sent between <c>from</c> and <c>to</c> (China dates, inclusive; default: the last 365 days).</summary>
    public sealed record Request(int? GeneralBranchId, DateOnly? From, DateOnly? To);

    /// <summary>
    /// One branch's figures. <c>answeredOnTimePercent</c>: of the messages answered, the share whose first answer
    /// came by its deadline (null when none was answered). <c>medianHoursToAnswer</c>: median time from sending to
    /// the first answer, in hours, one decimal. <c>overdueNow</c>: open past the deadline today.
    /// Messages to the general branch itself are reported under the general branch's id.
    /// </summary>
    public sealed record BranchFigures(int UnitId, string UnitName, int Messages, int Answered, double? AnsweredOnTimePercent, double? MedianHoursToAnswer, int OverdueNow, int Escalated);

    public sealed record Response(int GeneralBranchId, DateOnly From, DateOnly To, IReadOnlyList<BranchFigures> Units);

    /// <summary>General-branch admins only: 404 for a general branch the caller cannot see, 403 when they see it but do not administer it.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle([AsParameters] Request request, CurrentMember current, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var generalBranchId = request.GeneralBranchId
            ?? access.Roles.Where(r => r.Role == CommitteeRole.GeneralBranchAdmin).Select(r => (int?)r.UnitId).FirstOrDefault();
        if (generalBranchId is not int general)
        {
            return Problems.Forbidden("只有党总支管理员可以查看书记信箱统计。");
        }

        if (UnitAccess.Check(access, general, access.IsAdminOf) is { Error: { } refused })
        {
            return Problems.From(refused);
        }

        var now = time.GetUtcNow();
        var to = request.To ?? LocalCalendar.Today(now);
        var from = request.From ?? to.AddDays(-364);
        if (from > to)
        {
            return Problems.BadRequest("日期范围无效", "开始日期不能晚于结束日期。");
        }

        var start = LocalCalendar.StartOf(from);
        var end = LocalCalendar.StartOf(to.AddDays(1));
        var units = await db.Units.AsNoTracking().Where(u => u.Id == general || (u.ParentId == general && u.Kind == UnitKind.Branch))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var messages = await db.MailboxMessages.AsNoTracking()
            .Where(m => m.GeneralBranchId == general && m.SentAt >= start && m.SentAt < end)
            .ToListAsync(cancellationToken);

        var figures = units.Select(u =>
        {
            var mine = messages.Where(m => m.AddresseeUnitId == u.Id).ToList();
            var answered = mine.Where(m => m.FirstAnsweredAt is not null).ToList();
            var hours = answered.Select(m => (m.FirstAnsweredAt!.Value - m.SentAt).TotalHours).Order().ToList();
            return new BranchFigures(
                u.Id,
                u.Name,
                mine.Count,
                answered.Count,
                answered.Count == 0 ? null : Math.Round(100.0 * answered.Count(m => m.FirstAnsweredOnTime == true) / answered.Count, 1),
                hours.Count == 0 ? null : Math.Round(Median(hours), 1),
                mine.Count(m => m.IsOverdue(now)),
                mine.Count(m => m.IsEscalated(now)));
        }).ToList();
        return TypedResults.Ok(new Response(general, from, to, figures));
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
