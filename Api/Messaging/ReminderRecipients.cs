using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Messaging;

/// <summary>
/// Who reminders reach (<see cref="Recipient"/>): a member, found by the roster, or a person in development who bound
/// their WeChat account to their development record (POST /api/development/bind). Both have an inbox and bank
/// subscription sends the same way; the dispatcher sends to the openid of either.
/// </summary>
public static class ReminderRecipients
{
    /// <summary>Shown to a signed-in caller who is neither a bound member nor a bound person in development.</summary>
    public const string NotBoundDetail = "您的微信尚未绑定党员信息或发展对象记录，请先通过支部邀请码完成绑定。";

    /// <summary>
    /// The signed-in caller as a recipient: the bound member, else the person in development whose record the account
    /// is bound to (and who is not a member yet); null for neither.
    /// </summary>
    public static async Task<Recipient?> ForCallerAsync(CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        if (current.MemberId is int memberId)
        {
            return Recipient.Member(memberId);
        }

        var openId = current.OpenId;
        var recordId = await db.DevelopmentRecords.AsNoTracking()
            .Where(r => r.OpenId == openId && r.MemberId == null)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return recordId is int id ? Recipient.Applicant(id) : null;
    }

    /// <summary>The inbox of <paramref name="recipient"/>.</summary>
    public static IQueryable<InboxMessage> Inbox(AppDbContext db, Recipient recipient) =>
        recipient.Kind == RecipientKind.Member
            ? db.InboxMessages.Where(m => m.MemberId == recipient.Id)
            : db.InboxMessages.Where(m => m.ApplicantId == recipient.Id);

    /// <summary>The banked sends of <paramref name="recipient"/>.</summary>
    public static IQueryable<SubscriptionQuota> Quotas(AppDbContext db, Recipient recipient) =>
        recipient.Kind == RecipientKind.Member
            ? db.SubscriptionQuotas.Where(q => q.MemberId == recipient.Id)
            : db.SubscriptionQuotas.Where(q => q.ApplicantId == recipient.Id);

    /// <summary>
    /// The banked sends of one template for several recipients (one statement for a dispatcher's batch). The id lists of
    /// this and the batch queries below go as one JSON parameter each (<c>EF.Parameter</c>: <c>json_each</c> on SQLite,
    /// <c>OPENJSON</c> on SQL Server), not one SQL parameter per id: a batch has hundreds of recipients.
    /// </summary>
    internal static IQueryable<SubscriptionQuota> Quotas(AppDbContext db, IEnumerable<Recipient> recipients, string templateId)
    {
        var (memberIds, applicantIds) = Split(recipients);
        return db.SubscriptionQuotas.Where(q => q.TemplateId == templateId
            && ((q.MemberId != null && EF.Parameter(memberIds).Contains(q.MemberId.Value))
                || (q.ApplicantId != null && EF.Parameter(applicantIds).Contains(q.ApplicantId.Value))));
    }

    /// <summary>The openid of each recipient that has one (a member or a person in development without one is not bound).</summary>
    internal static async Task<Dictionary<Recipient, string>> OpenIdsAsync(AppDbContext db, IEnumerable<Recipient> recipients, CancellationToken cancellationToken)
    {
        var (memberIds, applicantIds) = Split(recipients);
        var openIds = new Dictionary<Recipient, string>();
        if (memberIds.Count > 0)
        {
            foreach (var member in await db.Members.Where(m => EF.Parameter(memberIds).Contains(m.Id) && m.OpenId != null).Select(m => new { m.Id, m.OpenId }).ToListAsync(cancellationToken))
            {
                openIds[Recipient.Member(member.Id)] = member.OpenId!;
            }
        }

        if (applicantIds.Count > 0)
        {
            foreach (var record in await db.DevelopmentRecords.Where(r => EF.Parameter(applicantIds).Contains(r.Id) && r.OpenId != null).Select(r => new { r.Id, r.OpenId }).ToListAsync(cancellationToken))
            {
                openIds[Recipient.Applicant(record.Id)] = record.OpenId!;
            }
        }

        return openIds;
    }

    /// <summary>Sends banked per recipient and template, for <paramref name="templateIds"/>.</summary>
    internal static async Task<Dictionary<(Recipient Recipient, string TemplateId), int>> BankedAsync(
        AppDbContext db, IEnumerable<Recipient> recipients, IReadOnlyCollection<string> templateIds, CancellationToken cancellationToken)
    {
        var (memberIds, applicantIds) = Split(recipients);
        return (await db.SubscriptionQuotas
                .Where(q => templateIds.Contains(q.TemplateId)
                    && ((q.MemberId != null && EF.Parameter(memberIds).Contains(q.MemberId.Value))
                        || (q.ApplicantId != null && EF.Parameter(applicantIds).Contains(q.ApplicantId.Value))))
                .Select(q => new { q.MemberId, q.ApplicantId, q.TemplateId, q.Remaining })
                .ToListAsync(cancellationToken))
            .ToDictionary(q => (Recipient.From(q.MemberId, q.ApplicantId), q.TemplateId), q => q.Remaining);
    }

    private static (List<int> MemberIds, List<int> ApplicantIds) Split(IEnumerable<Recipient> recipients)
    {
        var distinct = recipients.Distinct().ToList();
        return (distinct.Select(r => r.MemberId).OfType<int>().ToList(), distinct.Select(r => r.ApplicantId).OfType<int>().ToList());
    }
}
