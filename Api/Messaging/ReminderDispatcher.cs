using System.Text.RegularExpressions;
using SmartBranch.Api.Common.Telemetry;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
using SmartBranch.Infrastructure.Queues;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Messaging;

/// <summary>
/// Takes entries from the queue (first those a crashed dispatcher left unacknowledged), sends the
/// subscription messages, puts every reminder in its recipient's inbox (a member's or a person in development's), records the outcomes in one
/// transaction per batch and then acknowledges. A reminder is sent only by the dispatcher holding its
/// lease, taken with a conditional update while the row is still Queued and due, so an entry delivered
/// twice (reclaimed, or queued again after a timeout) never sends twice. The one remaining window is a
/// crash after WeChat accepted a message and before the batch is saved; it is as short as one batch.
/// </summary>
internal sealed partial class ReminderDispatcher(
    IServiceScopeFactory scopes,
    DispatchPause pause,
    ReminderWriteGate writeGate,
    IReminderQueue queue,
    ReminderTemplates templates,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    IOptions<WeChatOptions> weChatOptions,
    AppMetrics metrics,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>This dispatcher's name in the consumer group and in the lease column.</summary>
    public string Consumer { get; init; } = NewConsumerName();

    private ReminderOptions Options => options.Value;

    /// <summary>Handles one batch of queue entries; returns how many it finished (entries another live dispatcher holds stay pending and do not count).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueEntry> entries;
        try
        {
            entries = await queue.ReadAsync(Consumer, Options.BatchSize, Options.ClaimMinIdle, cancellationToken);
        }
        catch (QueueUnavailableException ex)
        {
            logger.LogWarning("Reminder queue unavailable ({Reason}); dispatching resumes when it is back", ex.Message);
            return 0;
        }

        if (entries.Count == 0)
        {
            return 0;
        }

        var leftPending = await ProcessAsync(entries, cancellationToken);
        var finished = entries.Where(e => !leftPending.Contains(e.ReminderId)).Select(e => e.EntryId).ToList();
        try
        {
            await queue.AckAsync(finished, cancellationToken);
        }
        catch (QueueUnavailableException ex)
        {
            // The rows are final; the entries come back through XAUTOCLAIM and are acknowledged without sending.
            logger.LogWarning("Could not acknowledge {Count} reminder entries ({Reason})", finished.Count, ex.Message);
        }

        return finished.Count;
    }

    /// <summary>Sends what this dispatcher may send; returns the reminders another live dispatcher holds (their entries stay pending).</summary>
    internal async Task<HashSet<long>> ProcessAsync(IReadOnlyList<QueueEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = entries.Select(e => e.ReminderId).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var leaseUntil = now + Options.LeaseDuration;
        await writeGate.RunAsync(
            () => db.Reminders
                .Where(r => ids.Contains(r.Id) && r.Status == ReminderStatus.Queued && r.DueAt <= now
                    && (r.LeaseOwner == Consumer || r.LeaseUntil == null || r.LeaseUntil <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, Consumer).SetProperty(r => r.LeaseUntil, leaseUntil), cancellationToken),
            cancellationToken);
        var mine = await db.Reminders
            .Where(r => ids.Contains(r.Id) && r.LeaseOwner == Consumer && r.Status == ReminderStatus.Queued)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);

        var mineIds = mine.Select(r => r.Id).ToHashSet();
        var others = ids.Where(id => !mineIds.Contains(id)).ToList();
        var heldElsewhere = others.Count == 0
            ? []
            : (await db.Reminders
                .Where(r => others.Contains(r.Id) && r.Status == ReminderStatus.Queued && r.LeaseUntil > now)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
        if (mine.Count == 0)
        {
            return heldElsewhere;
        }

        var outcomes = await SendAsync(db, mine, now, scope.ServiceProvider.GetRequiredService<WeChatClient>(), cancellationToken);
        await RecordAsync(db, mine, outcomes, now, cancellationToken);
        return heldElsewhere;
    }

    private async Task<Dictionary<long, Outcome>> SendAsync(AppDbContext db, List<Reminder> batch, DateTimeOffset now, WeChatClient weChat, CancellationToken cancellationToken)
    {
        var openIds = await ReminderRecipients.OpenIdsAsync(db, batch.Select(r => r.Recipient), cancellationToken);
        var templateIds = batch.Select(r => templates.For(r.Kind).TemplateId).Distinct().ToList();
        var budget = await ReminderRecipients.BankedAsync(db, batch.Select(r => r.Recipient), templateIds, cancellationToken);

        var outcomes = new Dictionary<long, Outcome>();
        var sends = new List<(Reminder Reminder, SubscribeMessage Message)>();
        foreach (var reminder in batch)
        {
            var template = templates.For(reminder.Kind);
            var (data, problem) = templates.Build(reminder);
            var openId = openIds.GetValueOrDefault(reminder.Recipient);
            var key = (reminder.Recipient, template.TemplateId);
            if (pause.IsPaused(now))
            {
                outcomes[reminder.Id] = new Outcome(WeChatErrorCodes.DailyQuotaReached, "paused", null);
            }
            else if (problem is not null)
            {
                outcomes[reminder.Id] = new Outcome(WeChatErrorCodes.InvalidTemplateData, $"checked before sending: {problem}", null);
            }
            else if (openId is null)
            {
                outcomes[reminder.Id] = Outcome.NotReachable(reminder.MemberId is null ? "发展对象未绑定微信" : "成员未绑定微信");
            }
            else if (budget.GetValueOrDefault(key) <= 0)
            {
                outcomes[reminder.Id] = Outcome.NotReachable(null);
            }
            else
            {
                budget[key]--;
                sends.Add((reminder, new SubscribeMessage(openId, template.TemplateId, reminder.Page?.TrimStart('/'), data, weChatOptions.Value.MiniProgramState)));
            }
        }

        using var gate = new SemaphoreSlim(Options.SendConcurrency);
        var results = await Task.WhenAll(sends.Select(async send =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (pause.IsPaused(time.GetUtcNow()))
                {
                    return (send.Reminder.Id, new Outcome(WeChatErrorCodes.DailyQuotaReached, "paused", null));
                }

                var result = await weChat.SendSubscribeMessageAsync(send.Message, cancellationToken);
                if (result.ErrCode == WeChatErrorCodes.DailyQuotaReached)
                {
                    Pause(time.GetUtcNow(), result.ErrMsg);
                }

                return (send.Reminder.Id, new Outcome(result.ErrCode, result.ErrMsg, result.Value));
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var (id, outcome) in results)
        {
            outcomes[id] = outcome;
        }

        return outcomes;
    }

    private async Task RecordAsync(AppDbContext db, List<Reminder> batch, Dictionary<long, Outcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var used = new Dictionary<(Recipient Recipient, string TemplateId), int>();
        var refused = new HashSet<(Recipient Recipient, string TemplateId)>();
        var toInbox = new List<long>();
        var sent = new List<Reminder>();
        foreach (var reminder in batch)
        {
            var outcome = outcomes[reminder.Id];
            var templateId = templates.For(reminder.Kind).TemplateId;
            Count(outcome);
            switch (outcome.ErrCode)
            {
                case WeChatErrorCodes.Ok when outcome.NoQuota:
                    reminder.MarkNoQuota(now, outcome.ErrMsg);
                    break;
                case WeChatErrorCodes.Ok:
                    reminder.MarkSent(outcome.MsgId?.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
                    sent.Add(reminder);
                    used[(reminder.Recipient, templateId)] = used.GetValueOrDefault((reminder.Recipient, templateId)) + 1;
                    break;
                case WeChatErrorCodes.SubscriptionRefused:
                    // WeChat's count says no quota whatever ours says: believe WeChat and never retry.
                    reminder.MarkNoQuota(now, $"{outcome.ErrCode} {outcome.ErrMsg}");
                    refused.Add((reminder.Recipient, templateId));
                    break;
                case WeChatErrorCodes.InvalidTemplateData or WeChatErrorCodes.InvalidTemplateId or WeChatErrorCodes.PageNotFound or WeChatErrorCodes.InvalidOpenId:
                    reminder.MarkFailed($"{outcome.ErrCode} {outcome.ErrMsg}", now);
                    logger.LogError(
                        "Subscription message for reminder {ReminderId} ({Kind}, template {TemplateId}) refused with {ErrCode}, field {Field}: {ErrMsg}. This is a defect in the template configuration or the reminder content; it is not retried",
                        reminder.Id, reminder.Kind, templateId, outcome.ErrCode, FieldOf(outcome.ErrMsg), outcome.ErrMsg);
                    break;
                case WeChatErrorCodes.DailyQuotaReached:
                    reminder.Reschedule(pause.Until);
                    break;
                default:
                    var error = $"{outcome.ErrCode} {outcome.ErrMsg}";
                    if (reminder.Attempts + 1 >= Options.MaxAttempts)
                    {
                        reminder.MarkFailed(error, now);
                        logger.LogError("Reminder {ReminderId} failed after {Attempts} attempts: {Error}", reminder.Id, reminder.Attempts, error);
                    }
                    else
                    {
                        reminder.RetryAt(now + (Options.RetryDelay * Math.Pow(2, reminder.Attempts)), error);
                    }

                    break;
            }

            if (!reminder.InInbox)
            {
                reminder.MarkInInbox();
                toInbox.Add(reminder.Id);
            }

            reminder.ReleaseLease();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await writeGate.RunAsync(() => strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Conditional and relative, so concurrent dispatchers and new accepts never lose an update;
            // one statement per template and count (almost always one per batch).
            foreach (var group in used.GroupBy(u => (u.Key.TemplateId, Count: u.Value)))
            {
                var (templateId, count) = group.Key;
                await ReminderRecipients.Quotas(db, group.Select(u => u.Key.Recipient), templateId)
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.Remaining, q => q.Remaining > count ? q.Remaining - count : 0).SetProperty(q => q.UpdatedAt, now), cancellationToken);
            }

            foreach (var group in refused.GroupBy(r => r.TemplateId))
            {
                await ReminderRecipients.Quotas(db, group.Select(r => r.Recipient), group.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.Remaining, 0).SetProperty(q => q.UpdatedAt, now), cancellationToken);
            }

            await ReminderBatches.CopyToInboxAsync(db, toInbox, now, cancellationToken);
            await ReminderBatches.MarkSentAsync(db, sent, now, cancellationToken);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }), cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
    }

    private void Pause(DateTimeOffset now, string? errMsg)
    {
        var until = LocalCalendar.StartOf(LocalCalendar.Today(now).AddDays(1));
        if (pause.PauseUntil(until))
        {
            logger.LogError("WeChat's daily API quota is used up (45009: {ErrMsg}); subscription messages are paused until {Until} (China time). Reminders still reach the inbox", errMsg, LocalCalendar.ToLocal(until));
        }
    }

    private static string NewConsumerName()
    {
        var name = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        return name.Length <= Reminder.LeaseOwnerMaxLength ? name : name[^Reminder.LeaseOwnerMaxLength..];
    }

    /// <summary>The keyword WeChat named in a 47003 message, e.g. "data.phrase16.value invalid" → phrase16.</summary>
    internal static string FieldOf(string? errMsg) =>
        errMsg is not null && FieldPattern().Match(errMsg) is { Success: true } match ? match.Groups[1].Value : "(not named)";

    [GeneratedRegex(@"data\.([A-Za-z_]+\d*)")]
    private static partial Regex FieldPattern();

    /// <summary>Counts one reminder's outcome on the app meter.</summary>
    private void Count(Outcome outcome)
    {
        if (outcome.NoQuota)
        {
            metrics.ReminderFailed("no_quota");
        }
        else if (outcome.ErrCode == WeChatErrorCodes.Ok)
        {
            metrics.ReminderSent();
        }
        else
        {
            metrics.ReminderFailed(outcome.ErrCode);
        }
    }

    /// <summary>How one reminder went; <see cref="NoQuota"/> means it was not sent at all (inbox only).</summary>
    private sealed record Outcome(int ErrCode, string? ErrMsg, long? MsgId, bool NoQuota = false)
    {
        public static Outcome NotReachable(string? why) => new(WeChatErrorCodes.Ok, why, null, NoQuota: true);
    }
}
