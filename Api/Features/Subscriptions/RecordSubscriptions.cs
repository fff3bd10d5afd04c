using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.WeChat.Emulator;

namespace SmartBranch.Api.Features.Subscriptions;

public static class RecordSubscriptions
{
    /// <summary>What wx.requestSubscribeMessage answered: template id → <c>accept</c>, <c>reject</c>, <c>ban</c> or <c>filter</c>. Each accept banks one send.</summary>
    public sealed record Request(Dictionary<string, string>? Results);

    private static readonly Dictionary<string, SubscriptionAnswer> Answers = new(StringComparer.Ordinal)
    {
        ["accept"] = SubscriptionAnswer.Accept,
        ["reject"] = SubscriptionAnswer.Reject,
        ["ban"] = SubscriptionAnswer.Ban,
        ["filter"] = SubscriptionAnswer.Filter,
    };

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Results).NotEmpty().WithMessage("请提供订阅结果。");
            RuleFor(r => r.Results!.Count).LessThanOrEqualTo(10).When(r => r.Results is not null).WithMessage("一次最多提交 10 个模板的订阅结果。");
            RuleForEach(r => r.Results)
                .Must(pair => !string.IsNullOrWhiteSpace(pair.Key) && pair.Key.Length <= SubscriptionQuota.TemplateIdMaxLength)
                .WithMessage("模板编号无效。")
                .Must(pair => pair.Value is not null && Answers.ContainsKey(pair.Value))
                .WithMessage("订阅结果只能是 accept、reject、ban 或 filter。");
        }
    }

    /// <summary>200 with every kind and what is banked now, for a member or a person in development bound to their record; 400 for a template id that is no reminder kind's; 403 for an account bound to neither.</summary>
    public static async Task<Results<Ok<ListPage<GetSubscriptions.Item>>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        ReminderTemplates templates,
        TimeProvider time,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (await ReminderRecipients.ForCallerAsync(current, db, cancellationToken) is not { } recipient)
        {
            return Problems.Forbidden(ReminderRecipients.NotBoundDetail);
        }

        var known = templates.All.Select(t => t.TemplateId).ToHashSet(StringComparer.Ordinal);
        var unknown = request.Results!.Keys.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            return Problems.BadRequest("未知的订阅消息模板", $"这些模板不属于本小程序的提醒：{string.Join("、", unknown)}。");
        }

        var now = time.GetUtcNow();
        var accepted = request.Results
            .Where(r => Answers[r.Value] == SubscriptionAnswer.Accept)
            .Select(r => r.Key)
            .ToList();
        foreach (var templateId in accepted)
        {
            await BankAsync(db, recipient, templateId, now, cancellationToken);
        }

        // In emulator mode nobody else tells the emulated WeChat that the member accepted: the real
        // client-side popup does that in production. Stand in for it so the two counts agree.
        var emulator = services.GetService<WeChatEmulator>();
        foreach (var templateId in accepted)
        {
            emulator?.AcceptSubscription(current.OpenId, templateId);
        }

        return TypedResults.Ok(await GetSubscriptions.LoadAsync(db, templates, recipient, cancellationToken));
    }

    private static async Task BankAsync(AppDbContext db, Recipient recipient, string templateId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Relative update: concurrent accepts and sends never overwrite each other.
            var updated = await ReminderRecipients.Quotas(db, recipient)
                .Where(q => q.TemplateId == templateId)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Remaining, q => q.Remaining + 1).SetProperty(q => q.UpdatedAt, now), cancellationToken);
            if (updated > 0)
            {
                return;
            }

            var quota = new SubscriptionQuota(recipient, templateId, now);
            quota.Accept(now);
            db.SubscriptionQuotas.Add(quota);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request made the row first (unique recipient + template): count this accept on it.
                db.Entry(quota).State = EntityState.Detached;
            }
        }
    }
}
