using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Features.Subscriptions;

public static class GetSubscriptions
{
    /// <summary>One reminder kind: the template to ask for in wx.requestSubscribeMessage and how many sends are banked.</summary>
    public sealed record Item(ReminderKind Kind, string KindName, string TemplateId, int Banked, bool ReachedByWeChat);

    /// <summary>Every reminder kind as items (never paged); with nothing banked the reminder still reaches the inbox.</summary>
    /// <summary>200 for a member or a person in development bound to their record; 403 for an account bound to neither.</summary>
    public static async Task<Results<Ok<ListPage<Item>>, ProblemHttpResult>> Handle(CurrentMember current, AppDbContext db, ReminderTemplates templates, CancellationToken cancellationToken) =>
        await ReminderRecipients.ForCallerAsync(current, db, cancellationToken) is { } recipient
            ? TypedResults.Ok(await LoadAsync(db, templates, recipient, cancellationToken))
            : Problems.Forbidden(ReminderRecipients.NotBoundDetail);

    internal static async Task<ListPage<Item>> LoadAsync(AppDbContext db, ReminderTemplates templates, Recipient recipient, CancellationToken cancellationToken)
    {
        var banked = await ReminderRecipients.Quotas(db, recipient).AsNoTracking()
            .ToDictionaryAsync(q => q.TemplateId, q => q.Remaining, cancellationToken);
        var items = templates.All
            .Select(t =>
            {
                var count = banked.GetValueOrDefault(t.TemplateId);
                return new Item(t.Kind, t.Name, t.TemplateId, count, count > 0);
            })
            .ToList();
        return new ListPage<Item>(items);
    }
}
