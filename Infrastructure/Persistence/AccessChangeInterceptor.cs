using SmartBranch.Domain.Organization;
using SmartBranch.Infrastructure.Caching;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// Starts a new <see cref="IAccessGeneration"/> once a save that added, changed or removed a member, an
/// appointment or a unit is committed, so cached identities and unit trees are reloaded on every instance's
/// next request (after the commit: <see cref="AfterCommitInterceptor{TPending}"/>). Bulk statements
/// (ExecuteUpdate, raw SQL) on these tables bypass this and must call <see cref="IAccessGeneration.ChangeAsync"/>
/// themselves.
/// </summary>
internal sealed class AccessChangeInterceptor(IAccessGeneration generation) : AfterCommitInterceptor<AccessChangeInterceptor.Changed>
{
    protected override void Note(DbContext context)
    {
        if (context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Member or Appointment or OrganizationUnit))
        {
            PendingFor(context);
        }
    }

    protected override void Act(Changed pending) => generation.Change();

    protected override Task ActAsync(Changed pending, CancellationToken cancellationToken) => generation.ChangeAsync(cancellationToken);

    /// <summary>Marks a context whose saves changed who may do what.</summary>
    internal sealed class Changed;
}
