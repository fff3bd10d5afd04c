using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Reminders;

public static class GetSubjectReminders
{
    public sealed record Request(string? SubjectType, int? SubjectId);

    /// <summary>
    /// One recipient's reminder for the subject: a member (<c>memberId</c>) or a person in development not yet a member
    /// (<c>applicantId</c>, their development record; <c>memberId</c> null); <c>memberName</c> is the name of either.
    /// <c>status</c>: Sent (reached by WeChat), NoQuota (inbox only), Failed (inbox only; <c>lastError</c> says why), or
    /// Scheduled/Queued/Cancelled.
    /// </summary>
    public sealed record Item(long Id, int? MemberId, int? ApplicantId, string MemberName, string Slot, ReminderStatus Status, DateTimeOffset DueAt, DateTimeOffset? SentAt, int Attempts, string? LastError);

    /// <summary>Counts of those reached by WeChat, by inbox only and failed, then every reminder.</summary>
    public sealed record Response(int ReachedByWeChat, int InboxOnly, int Failed, int Pending, int Cancelled, IReadOnlyList<Item> Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.SubjectType).NotEmpty().WithMessage("请指明要查看哪类事项的提醒。").MaximumLength(Reminder.SubjectTypeMaxLength);
            RuleFor(r => r.SubjectId).NotNull().WithMessage("请指明要查看哪一项的提醒。").GreaterThan(0).WithMessage("要查看提醒的事项编号无效。");
        }
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        [AsParameters] Request request,
        CurrentMember current,
        AppDbContext db,
        IEnumerable<ISubjectOwnerResolver> resolvers,
        CancellationToken cancellationToken)
    {
        var resolver = resolvers.FirstOrDefault(r => r.SubjectType == request.SubjectType);
        if (resolver is null)
        {
            return Problems.BadRequest("不支持的提醒对象", $"没有类型为“{request.SubjectType}”的提醒对象。");
        }

        var subjectId = request.SubjectId!.Value;
        var ownerUnitId = await resolver.FindOwnerUnitIdAsync(subjectId, cancellationToken);
        var access = await current.GetAccessAsync(cancellationToken);

        // Subjects the caller may not manage are reported as missing, like ones that do not exist.
        if (ownerUnitId is not int unitId || !access.CanManage(unitId))
        {
            return Problems.NotFound("未找到该事项，或您无权查看它的提醒。");
        }

        var subjectType = request.SubjectType!;
        var items = await (
                from r in db.Reminders.AsNoTracking().Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId)
                join m in db.Members on r.MemberId equals (int?)m.Id into members
                from m in members.DefaultIfEmpty()
                join d in db.DevelopmentRecords on r.ApplicantId equals (int?)d.Id into records
                from d in records.DefaultIfEmpty()
                select new { Reminder = r, Name = m != null ? m.Name : d != null ? d.Name : string.Empty })
            .OrderBy(x => x.Reminder.DueAt)
            .ThenBy(x => x.Name)
            .Select(x => new Item(x.Reminder.Id, x.Reminder.MemberId, x.Reminder.ApplicantId, x.Name, x.Reminder.Slot, x.Reminder.Status, x.Reminder.DueAt, x.Reminder.SentAt, x.Reminder.Attempts, x.Reminder.LastError))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new Response(
            items.Count(i => i.Status == ReminderStatus.Sent),
            items.Count(i => i.Status == ReminderStatus.NoQuota),
            items.Count(i => i.Status == ReminderStatus.Failed),
            items.Count(i => i.Status is ReminderStatus.Scheduled or ReminderStatus.Queued),
            items.Count(i => i.Status == ReminderStatus.Cancelled),
            items));
    }
}
