using SmartBranch.Domain.Common;
using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Activities;

namespace SmartBranch.Api.Features.Activities;

/// <summary>How a signed-up member stands on the day.</summary>
public enum AttendanceState
{
    /// <summary>已签到</summary>
    CheckedIn,

    /// <summary>有名额但未签到（活动结束后即缺席）</summary>
    Absent,

    /// <summary>候补中</summary>
    Waitlisted,
}

public static class GetAttendance
{
    /// <summary>One signed-up or waiting member. CheckedInByOrganizer: True when the organiser checked them in by hand.</summary>
    public sealed record Attendee(
        int MemberId,
        string Name,
        string Number,
        string BranchName,
        EnrollmentStatus Status,
        int? WaitlistPosition,
        DateTimeOffset SignedUpAt,
        DateTimeOffset? CheckedInAt,
        bool CheckedInByOrganizer,
        AttendanceState Attendance);

    /// <summary>The organiser's figures: confirmed places, checked in, absent (not checked in), waiting. HasEnded: After the end, "absent" is final; before it, those people may still arrive.</summary>
    public sealed record Response(
        int ActivityId,
        string Title,
        int? Capacity,
        bool HasEnded,
        int SignedUp,
        int CheckedIn,
        int Absent,
        int Waitlisted,
        IReadOnlyList<Attendee> Attendees);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var (response, refusal) = await LoadAsync(id, db, current, time, cancellationToken);
        return refusal is not null ? Problems.From(refusal) : TypedResults.Ok(response!);
    }

    /// <summary>The attendance sheet as XLSX or CSV.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleExport(
        int id, string? format, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var tableFormat = TableFile.ParseFormat(format ?? "xlsx");
        if (tableFormat is not TableFormat chosen)
        {
            return Problems.BadRequest("请求有误", "导出格式只能是 xlsx 或 csv。");
        }

        var (response, refusal) = await LoadAsync(id, db, current, time, cancellationToken);
        if (refusal is not null)
        {
            return Problems.From(refusal);
        }

        string[] headers = ["姓名", "编号", "支部", "报名状态", "候补位次", "报名时间", "签到时间", "签到方式", "出勤"];
        var rows = response!.Attendees.Select(a => (IReadOnlyList<object?>)
        [
            a.Name,
            a.Number,
            a.BranchName,
            a.Status == EnrollmentStatus.Confirmed ? "已确认" : "候补",
            a.WaitlistPosition,
            a.SignedUpAt,
            a.CheckedInAt,
            a.CheckedInAt is null ? null : a.CheckedInByOrganizer ? "组织者代签" : "扫码签到",
            a.Attendance switch
            {
                AttendanceState.CheckedIn => "已签到",
                AttendanceState.Absent => response.HasEnded ? "缺席" : "未签到",
                _ => "候补",
            },
        ]);
        var bytes = TableFile.Write(chosen, headers, rows);
        return TypedResults.File(bytes, TableFile.ContentType(chosen), $"activity-{id}-attendance.{TableFile.Extension(chosen)}");
    }

    private static async Task<Result<Response>> LoadAsync(
        int id, AppDbContext db, CurrentMember current, TimeProvider time, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var (view, refusal) = await ActivityAccess.LoadManagedAsync(db, id, access, "只有活动组织单位的支委或管理员可以查看出勤情况。", cancellationToken);
        if (view is null)
        {
            return refusal!;
        }

        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => e.ActivityId == id && e.Status != EnrollmentStatus.Cancelled)
            .Join(db.Members, e => e.MemberId, m => m.Id, (e, m) => new { e, m.Name, m.Number, m.BranchId })
            .Join(db.Units, x => x.BranchId, u => u.Id, (x, u) => new { x.e, x.Name, x.Number, BranchName = u.Name })
            .ToListAsync(cancellationToken);

        // Confirmed first (by name), then the waiting list in order; positions are ranks, so always 1..N.
        var waiting = rows.Where(r => r.e.Status == EnrollmentStatus.Waitlisted).OrderBy(r => r.e.WaitlistTicket).ToList();
        var attendees = rows.Where(r => r.e.Status == EnrollmentStatus.Confirmed)
            .OrderBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new Attendee(r.e.MemberId, r.Name, r.Number, r.BranchName, r.e.Status, null, r.e.SignedUpAt, r.e.CheckedInAt,
                r.e.CheckedInByMemberId is not null, r.e.CheckedInAt is null ? AttendanceState.Absent : AttendanceState.CheckedIn))
            .Concat(waiting.Select((r, i) => new Attendee(r.e.MemberId, r.Name, r.Number, r.BranchName, r.e.Status, i + 1, r.e.SignedUpAt, null, false, AttendanceState.Waitlisted)))
            .ToList();
        var activity = view.Activity;
        var checkedIn = attendees.Count(a => a.Attendance == AttendanceState.CheckedIn);
        var signedUp = attendees.Count(a => a.Status == EnrollmentStatus.Confirmed);
        return new Response(activity.Id, activity.Title, activity.Capacity, activity.HasEnded(time.GetUtcNow()), signedUp, checkedIn, signedUp - checkedIn, waiting.Count, attendees);
    }
}
