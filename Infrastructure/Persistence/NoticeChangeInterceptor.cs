using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="IFeedGeneration"/> in step with the notices once a save is committed: a notice, its audience
/// or its recipient rows added, changed or removed (posting, approval, edits, withdrawal, deletion) start a new
/// notices generation; a recipient's own read or sign-off changing starts a new generation for that member's
/// sessions only. After the commit, not before (<see cref="AfterCommitInterceptor{TPending}"/>). Bulk statements
/// (ExecuteUpdate, raw SQL) on these tables bypass this and must call <see cref="IFeedGeneration"/> themselves.
/// </summary>
internal sealed class NoticeChangeInterceptor(IFeedGeneration generation) : AfterCommitInterceptor<NoticeChangeInterceptor.Pending>
{
    protected override async ValueTask NoteAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (Mark(context) is { Count: > 0 } readers)
        {
            // Whose sessions to renew, looked up before the save: after the commit the context may still be
            // inside SaveChanges' own transaction, where it cannot query.
            PendingFor(context).OpenIds.UnionWith(await OpenIds(context, readers).ToListAsync(cancellationToken));
        }
    }

    protected override void Note(DbContext context)
    {
        if (Mark(context) is { Count: > 0 } readers)
        {
            PendingFor(context).OpenIds.UnionWith([.. OpenIds(context, readers)]);
        }
    }

    protected override async Task ActAsync(Pending pending, CancellationToken cancellationToken)
    {
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

    protected override void Act(Pending pending)
    {
        if (pending.Notices)
        {
            generation.NoticesChanged();
        }
        else if (pending.OpenIds.Count > 0)
        {
            generation.AccountsChanged(pending.OpenIds);
        }
    }

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
                    PendingFor(context).Notices = true;
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

    /// <summary>What one context's saves changed: notices, or only some members' own recipient rows.</summary>
    internal sealed class Pending
    {
        public bool Notices { get; set; }

        public HashSet<string> OpenIds { get; } = [];
    }
}
