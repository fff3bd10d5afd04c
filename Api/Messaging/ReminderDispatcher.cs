using System.Collections.Concurrent;
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

    // Reminders this dispatcher has leased and loaded and not yet recorded: a second entry for one of them (the
    // queue may deliver one twice) must not be leased again while the first is still being sent or recorded.
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();

    /// <summary>Handles one batch of queue entries; returns how many it finished (entries another live dispatcher holds stay pending and do not count).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var batch = await TakeAsync(cancellationToken);
        return batch is null ? 0 : await FinishAsync(batch, cancellationToken);
    }

    /// <summary>
    /// Works through the queue until it is empty, recording batch N−1 (its transaction and acknowledgement) while
    /// batch N is read, leased and sent, so the database and WeChat work at the same time; returns how many entries
    /// it finished. The guarantees are those of <see cref="RunOnceAsync"/>: a batch is leased before it is sent and
    /// acknowledged after it is recorded; a reminder still in flight here is never leased twice.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        Task<int>? recording = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await TakeAsync(cancellationToken);
                if (recording is not null)
                {
                    var previous = recording;
                    recording = null;
                    try
                    {
                        finished += await previous;
                    }
                    catch when (batch is not null)
                    {
                        // The previous batch could not be recorded: this one, already sent, is left exactly as a
                        // failed RunOnceAsync leaves its batch (leased, not acknowledged), and no longer in flight.
                        await batch.DisposeAsync();
                        throw;
                    }
                }

                if (batch is null)
                {
                    break;
                }

                recording = FinishAsync(batch, cancellationToken);
            }
        }
        finally
        {
            if (recording is not null)
            {
                finished += await recording;
            }
        }

        return finished;
    }

    /// <summary>Sends what this dispatcher may send; returns the reminders another live dispatcher holds (their entries stay pending).</summary>
    internal async Task<HashSet<long>> ProcessAsync(IReadOnlyList<QueueEntry> entries, CancellationToken cancellationToken)
    {
        await using var batch = await LeaseAndSendAsync(entries, cancellationToken);
        await RecordAsync(batch, cancellationToken);
        return batch.HeldElsewhere;
    }

    /// <summary>Reads a batch from the queue, leases and sends it; null when the queue has nothing for this dispatcher.</summary>
    private async Task<Batch?> TakeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueEntry> entries;
        try
        {
            entries = await queue.ReadAsync(Consumer, Options.BatchSize, Options.ClaimMinIdle, cancellationToken);
        }
        catch (QueueUnavailableException ex)
        {
            logger.LogWarning("Reminder queue unavailable ({Reason}); dispatching resumes when it is back", ex.Message);
            return null;
        }

        return entries.Count == 0 ? null : await LeaseAndSendAsync(entries, cancellationToken);
    }

    /// <summary>Records a sent batch in one transaction, then acknowledges its entries; returns how many it finished.</summary>
    private async Task<int> FinishAsync(Batch batch, CancellationToken cancellationToken)
    {
        await using (batch)
        {
            await RecordAsync(batch, cancellationToken);
        }

        var finished = new List<string>(batch.Entries.Count);
        foreach (var entry in batch.Entries)
        {
            if (!batch.HeldElsewhere.Contains(entry.ReminderId))
            {
                finished.Add(entry.EntryId);
            }
        }

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

    /// <summary>Leases the entries' reminders this dispatcher may send, loads them (not tracked) and sends them.</summary>
    private async Task<Batch> LeaseAndSendAsync(IReadOnlyList<QueueEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = new List<long>(entries.Count);
        var held = new HashSet<long>();
        foreach (var entry in entries)
        {
            // An entry for a reminder of this dispatcher's previous batch, still being recorded: left pending, it comes
            // back through XAUTOCLAIM when the row is final and is acknowledged then without sending.
            if (_inFlight.ContainsKey(entry.ReminderId))
            {
                held.Add(entry.ReminderId);
            }
            else if (!ids.Contains(entry.ReminderId))
            {
                ids.Add(entry.ReminderId);
            }
        }

        var scope = scopes.CreateAsyncScope();
        var batch = new Batch(scope, this, entries, now, held);
        try
        {
            var db = batch.Db;
            var leaseUntil = now + Options.LeaseDuration;
            // The ids go as one JSON parameter (EF.Parameter), not one SQL parameter each: a batch is hundreds.
            if (ids.Count > 0)
            {
                await writeGate.RunAsync(
                    () => db.Reminders
                        .Where(r => EF.Parameter(ids).Contains(r.Id) && r.Status == ReminderStatus.Queued && r.DueAt <= now
                            && (r.LeaseOwner == Consumer || r.LeaseUntil == null || r.LeaseUntil <= now))
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, Consumer).SetProperty(r => r.LeaseUntil, leaseUntil), cancellationToken),
                    cancellationToken);
                batch.Mine = await db.Reminders.AsNoTracking()
                    .Where(r => EF.Parameter(ids).Contains(r.Id) && r.LeaseOwner == Consumer && r.Status == ReminderStatus.Queued)
                    .OrderBy(r => r.Id)
                    .ToListAsync(cancellationToken);
            }

            foreach (var reminder in batch.Mine)
            {
                _inFlight.TryAdd(reminder.Id, 0);
            }

            if (batch.Mine.Count < ids.Count)
            {
                var mineIds = batch.Mine.Select(r => r.Id).ToHashSet();
                var others = ids.Where(id => !mineIds.Contains(id)).ToList();
                held.UnionWith(await db.Reminders
                    .Where(r => EF.Parameter(others).Contains(r.Id) && r.Status == ReminderStatus.Queued && r.LeaseUntil > now)
                    .Select(r => r.Id)
                    .ToListAsync(cancellationToken));
            }

            if (batch.Mine.Count > 0)
            {
                batch.Outcomes = await SendAsync(db, batch.Mine, now, scope.ServiceProvider.GetRequiredService<WeChatClient>(), cancellationToken);
            }

            return batch;
        }
        catch
        {
            await batch.DisposeAsync();
            throw;
        }
    }

    private async Task<Outcome[]> SendAsync(AppDbContext db, List<Reminder> batch, DateTimeOffset now, WeChatClient weChat, CancellationToken cancellationToken)
    {
        var openIds = await ReminderRecipients.OpenIdsAsync(db, batch.Select(r => r.Recipient), cancellationToken);
        var templateIds = batch.Select(r => templates.For(r.Kind).TemplateId).Distinct().ToList();
        var budget = await ReminderRecipients.BankedAsync(db, batch.Select(r => r.Recipient), templateIds, cancellationToken);

        // One outcome per reminder, in the batch's order; the sends fill theirs in place.
        var outcomes = new Outcome[batch.Count];
        var sends = new List<(int Index, SubscribeMessage Message)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var reminder = batch[i];
            var template = templates.For(reminder.Kind);
            var (data, problem) = templates.Build(reminder);
            var openId = openIds.GetValueOrDefault(reminder.Recipient);
            var key = (reminder.Recipient, template.TemplateId);
            if (pause.IsPaused(now))
            {
                outcomes[i] = new Outcome(WeChatErrorCodes.DailyQuotaReached, "paused", null);
            }
            else if (problem is not null)
            {
                outcomes[i] = new Outcome(WeChatErrorCodes.InvalidTemplateData, $"checked before sending: {problem}", null);
            }
            else if (openId is null)
            {
                outcomes[i] = Outcome.NotReachable(reminder.MemberId is null ? "发展对象未绑定微信" : "成员未绑定微信");
            }
            else if (budget.GetValueOrDefault(key) <= 0)
            {
                outcomes[i] = Outcome.NotReachable(null);
            }
            else
            {
                budget[key]--;
                sends.Add((i, new SubscribeMessage(openId, template.TemplateId, reminder.Page?.TrimStart('/'), data, weChatOptions.Value.MiniProgramState)));
            }
        }

        // SendConcurrency workers take the next message until none is left (no task or semaphore wait per message).
        var next = -1;
        async Task SendLoopAsync()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < sends.Count)
            {
                var (index, message) = sends[n];
                if (pause.IsPaused(time.GetUtcNow()))
                {
                    outcomes[index] = new Outcome(WeChatErrorCodes.DailyQuotaReached, "paused", null);
                    continue;
                }

                var result = await weChat.SendSubscribeMessageAsync(message, cancellationToken);
                if (result.ErrCode == WeChatErrorCodes.DailyQuotaReached)
                {
                    Pause(time.GetUtcNow(), result.ErrMsg);
                }

                outcomes[index] = new Outcome(result.ErrCode, result.ErrMsg, result.Value);
            }
        }

        var workers = new Task[Math.Min(Options.SendConcurrency, sends.Count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = SendLoopAsync();
        }

        await Task.WhenAll(workers);
        return outcomes;
    }

    private async Task RecordAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Mine.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var now = batch.Now;
        var used = new Dictionary<(Recipient Recipient, string TemplateId), int>();
        var refused = new HashSet<(Recipient Recipient, string TemplateId)>();
        var toInbox = new List<long>();
        var sent = new List<ReminderBatches.SentRow>();
        for (var i = 0; i < batch.Mine.Count; i++)
        {
            var reminder = batch.Mine[i];
            var outcome = batch.Outcomes[i];
            var templateId = templates.For(reminder.Kind).TemplateId;
            Count(outcome);
            if (outcome is { ErrCode: WeChatErrorCodes.Ok, NoQuota: false })
            {
                // Written by one set-based UPDATE (ReminderBatches.MarkSent: what Reminder.MarkSent, MarkInInbox and
                // ReleaseLease do); the inbox copy by one INSERT … SELECT.
                sent.Add(new ReminderBatches.SentRow(reminder.Id, outcome.MsgId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                used[(reminder.Recipient, templateId)] = used.GetValueOrDefault((reminder.Recipient, templateId)) + 1;
                if (!reminder.InInbox)
                {
                    toInbox.Add(reminder.Id);
                }

                continue;
            }

            // Any other outcome goes through the entity, tracked from here on (loaded without tracking).
            db.Reminders.Attach(reminder);
            switch (outcome.ErrCode)
            {
                case WeChatErrorCodes.Ok:
                    reminder.MarkNoQuota(now, outcome.ErrMsg);
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

    /// <summary>
    /// One batch between its lease and its acknowledgement: its own scope and DbContext, the reminders leased to this
    /// dispatcher (loaded without tracking, in id order) and their outcomes in the same order. Disposing it ends the
    /// scope and lets the reminders be leased again by this dispatcher.
    /// </summary>
    private sealed class Batch(AsyncServiceScope scope, ReminderDispatcher owner, IReadOnlyList<QueueEntry> entries, DateTimeOffset now, HashSet<long> heldElsewhere) : IAsyncDisposable
    {
        public AppDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        public IReadOnlyList<QueueEntry> Entries => entries;

        public DateTimeOffset Now => now;

        /// <summary>Reminders another live dispatcher holds, or this one still has in flight: their entries stay pending.</summary>
        public HashSet<long> HeldElsewhere => heldElsewhere;

        public List<Reminder> Mine { get; set; } = [];

        public Outcome[] Outcomes { get; set; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var reminder in Mine)
            {
                owner._inFlight.TryRemove(reminder.Id, out _);
            }

            await scope.DisposeAsync();
        }
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
