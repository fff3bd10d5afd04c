using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// The one life cycle of "note what a save changes, act on it once it is committed": a subclass notes what it needs
/// in a <typeparamref name="TPending"/> per context while the save runs (<see cref="Note"/>/<see cref="NoteAsync"/>),
/// and acts on it after the commit (<see cref="Act"/>/<see cref="ActAsync"/>): when the save itself commits (no
/// transaction open), or when the transaction it ran in commits. A failed save outside a transaction, or a rolled back
/// transaction, forgets what was noted. After the commit, not before: a request between the two would cache the old
/// rows under the new generation.
/// </summary>
/// <typeparam name="TPending">What one context's saves noted until its commit.</typeparam>
internal abstract class AfterCommitInterceptor<TPending> : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TPending : class, new()
{
    private readonly ConditionalWeakTable<DbContext, TPending> _pending = [];

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await NoteAsync(context, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Note(context);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context && Take(context) is { } pending)
        {
            await ActAsync(pending, cancellationToken);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context && Take(context) is { } pending)
        {
            Act(pending);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Take(context) is { } pending)
        {
            await ActAsync(pending, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && Take(context) is { } pending)
        {
            Act(pending);
        }
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            _pending.Remove(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    /// <summary>What <paramref name="context"/>'s saves have noted so far, made on first use.</summary>
    protected TPending PendingFor(DbContext context) => _pending.GetOrCreateValue(context);

    /// <summary>Notes what this save changes (synchronous save).</summary>
    protected abstract void Note(DbContext context);

    /// <summary>Notes what this save changes (asynchronous save); the same as <see cref="Note"/> unless it must query.</summary>
    protected virtual ValueTask NoteAsync(DbContext context, CancellationToken cancellationToken)
    {
        Note(context);
        return ValueTask.CompletedTask;
    }

    /// <summary>Acts on what was noted, once it is committed (synchronous save or commit).</summary>
    protected abstract void Act(TPending pending);

    /// <summary>Acts on what was noted, once it is committed (asynchronous save or commit).</summary>
    protected abstract Task ActAsync(TPending pending, CancellationToken cancellationToken);

    private TPending? Take(DbContext context) => _pending.TryGetValue(context, out var pending) && _pending.Remove(context) ? pending : null;
}
