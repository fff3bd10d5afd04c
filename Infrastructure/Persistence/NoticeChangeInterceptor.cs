using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="IFeedGeneration"/> in step with the notices once a save is committed: a notice, its audience
/// or its recipient rows added, changed or removed (posting, approval, edits, withdrawal, deletion) start a new
/// notices generation; a recipient's own read or sign-off changing starts a new generation for that member's
/// sessions only. After the commit, not before (as <see cref="AccessChangeInterceptor"/>). Bulk statements
/// (ExecuteUpdate, raw SQL) on these tables bypass this and must call <see cref="IFeedGeneration"/> themselves.
/// </summary>
internal sealed class NoticeChangeInterceptor(IFeedGeneration generation) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Mark(context) is { Count: > 0 } readers)
        {
            // Whose sessions to renew, looked up before the save: after the commit the context may still be
            // inside SaveChanges' own transaction, where it cannot query.
            _pending.GetOrCreateValue(context).OpenIds.UnionWith(await OpenIds(context, readers).ToListAsync(cancellationToken));
        }

        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Mark(context) is { Count: > 0 } readers)
        {
            _pending.GetOrCreateValue(context).OpenIds.UnionWith([.. OpenIds(context, readers)]);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await ChangeIfPendingAsync(context, cancellationToken);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            ChangeIfPending(context);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await ChangeIfPendingAsync(context, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            ChangeIfPending(context);
        }
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            Forget(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    /// <summary>Notes a change to notices; returns the members whose own recipient rows (read, sign-off) changed.</summary>
    private HashSet<int>? Mark(DbContext context)
    {
        HashSet<int>? readers = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case NoticeRecipient recipient when entry.State == EntityState.Modified:
                    (readers ??= []).Add(recipient.MemberId);
                    break;
                case Notice or NoticeAudienceEntry or NoticeRecipient:
                    _pending.GetOrCreateValue(context).Notices = true;
                    break;
            }
        }

        return readers;
    }

    private static IQueryable<string> OpenIds(DbContext context, HashSet<int> memberIds)
    {
        var ids = memberIds.ToArray();
        return context.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.OpenId != null).Select(m => m.OpenId!);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async Task ChangeIfPendingAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Notices)
        {
            // Every feed misses on its next request, the members' own states included.
            await generation.NoticesChangedAsync(cancellationToken);
        }
        else if (pending.OpenIds.Count > 0)
        {
            await generation.AccountsChangedAsync(pending.OpenIds, cancellationToken);
        }
    }

    private void ChangeIfPending(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Notices)
        {
            generation.NoticesChanged();
        }
        else if (pending.OpenIds.Count > 0)
        {
            generation.AccountsChanged(pending.OpenIds);
        }
    }

    private sealed class Pending
    {
        public bool Notices { get; set; }

        public HashSet<string> OpenIds { get; } = [];
    }
}
