namespace SmartBranch.Api.Common;

/// <summary>
/// The one way to save a change together with what must agree with it: its audit entry
/// (<see cref="AuditTrail"/>) and its outbox rows (reminders, through the messaging module's scheduler).
/// Everything runs inside the provider's execution strategy, because SQL Server's retry-on-failure refuses
/// user transactions outside it.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Saves the pending changes (new rows get their ids), then runs <paramref name="afterSave"/>, which
    /// records what needs those ids (the audit entry, reminders), and saves that too: one transaction, so
    /// the log and the outbox never disagree with the data.
    /// </summary>
    public static Task SaveWithAuditAsync(this AppDbContext db, Func<CancellationToken, Task> afterSave, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async ct =>
            {
                await db.SaveChangesAsync(ct);
                await afterSave(ct);
                return (true, true);
            },
            cancellationToken);

    /// <inheritdoc cref="SaveWithAuditAsync(AppDbContext, Func{CancellationToken, Task}, CancellationToken)"/>
    public static Task SaveWithAuditAsync(this AppDbContext db, Action afterSave, CancellationToken cancellationToken) =>
        db.SaveWithAuditAsync(
            _ =>
            {
                afterSave();
                return Task.CompletedTask;
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. It returns its result and whether to commit; on commit
    /// the pending changes are saved first, otherwise nothing is stored. With <paramref name="startClean"/> the
    /// change tracker is cleared first, for work that loads what it changes inside the transaction (rows read
    /// under the lock it takes are current).
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this AppDbContext db, Func<CancellationToken, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken, bool startClean = false) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (startClean)
            {
                db.ChangeTracker.Clear();
            }

            // On SQLite this is BEGIN IMMEDIATE: the write lock is taken up front, so no reader in here can be
            // overtaken by another writer (busy waits are retried by Microsoft.Data.Sqlite until the timeout).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (result, commit) = await work(ct);
            if (commit)
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return result;
        }, cancellationToken);
}
