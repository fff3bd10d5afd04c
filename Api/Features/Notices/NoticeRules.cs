using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Notices;

/// <summary>A notice the caller may read, with their recipient row (null when they are not in its audience).</summary>
internal sealed record ReadableNotice(Notice Notice, NoticeRecipient? Recipient);

/// <summary>A notice the caller manages (tracked), with the caller as a viewer (their access scope and unit tree).</summary>
internal sealed record ManagedNotice(Notice Notice, Reader Viewer);

/// <summary>Who may see and manage a notice. Anyone who may not see it gets the same 404 as for a missing id.</summary>
internal static class NoticeRules
{
    /// <summary>The committee of the owning branch, or an admin above it.</summary>
    public static bool CanManage(Reader viewer, Notice notice) => CanManage(viewer, notice.UnitId);

    /// <summary>As <see cref="CanManage(Reader, Notice)"/> for a notice owned by <paramref name="unitId"/>.</summary>
    public static bool CanManage(Reader viewer, int unitId) =>
        viewer.Access is { } access && access.CanManage(unitId);

    /// <summary>
    /// Managers see every notice of their unit in any state. Others only see published notices: public
    /// ones whoever they are, internal and committee ones only when they are in the audience.
    /// </summary>
    public static bool CanRead(Reader viewer, Notice notice, bool isRecipient) =>
        CanManage(viewer, notice)
        || (notice.Status == NoticeStatus.Published && (notice.Visibility == Visibility.Public || isRecipient));

    /// <summary>Loads a notice and the caller's recipient row (tracked, so reads can be recorded).</summary>
    private static async Task<(Notice? Notice, NoticeRecipient? Recipient)> LoadAsync(AppDbContext db, int id, Reader viewer, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return (null, null);
        }

        var recipient = viewer.MemberId is int memberId
            ? await db.NoticeRecipients.SingleOrDefaultAsync(r => r.NoticeId == id && r.MemberId == memberId, cancellationToken)
            : null;
        return (notice, recipient);
    }

    /// <summary>
    /// Loads the notice for a caller who wants to read it: the notice and their recipient row, or the same
    /// not-found refusal as for a missing id when they may not read it.
    /// </summary>
    public static async Task<Result<ReadableNotice>> LoadReadableAsync(
        AppDbContext db, int id, Reader viewer, CancellationToken cancellationToken)
    {
        var (notice, recipient) = await LoadAsync(db, id, viewer, cancellationToken);
        return notice is null || !CanRead(viewer, notice, recipient is not null)
            ? Refusals.NotFound("未找到该通知，或您无权查看。")
            : new ReadableNotice(notice, recipient);
    }

    /// <summary>As <see cref="LoadReadableAsync"/>, and forbidden (403) with <paramref name="forbidden"/> when the caller may read but not manage it.</summary>
    public static async Task<Result<ReadableNotice>> LoadManageableAsync(
        AppDbContext db, int id, Reader viewer, string forbidden, CancellationToken cancellationToken)
    {
        var readable = await LoadReadableAsync(db, id, viewer, cancellationToken);
        return readable.Value is { } found && !CanManage(viewer, found.Notice) ? Refusals.Forbidden(forbidden) : readable;
    }

    /// <summary>
    /// What every committee action on one notice starts with: the caller as a viewer and the notice they manage, or
    /// the refusal (404 as for a missing id when they may not read it, 403 with <paramref name="forbidden"/> when
    /// they may read but not manage it).
    /// </summary>
    public static async Task<Result<ManagedNotice>> LoadManagedAsync(HandlerServices services, int id, string forbidden)
    {
        var viewer = await Reader.LoadAsync(services.Current, services.CancellationToken);
        var (notice, _, refusal) = await LoadManageableAsync(services.Db, id, viewer, forbidden, services.CancellationToken);
        return notice is null ? refusal! : new ManagedNotice(notice, viewer);
    }

    /// <summary><c>var (notice, recipient, refusal) = …</c>: the notice and the caller's recipient row, or the refusal.</summary>
    public static void Deconstruct(this Result<ReadableNotice> result, out Notice? notice, out NoticeRecipient? recipient, out DomainError? refusal)
    {
        notice = result.Value?.Notice;
        recipient = result.Value?.Recipient;
        refusal = result.Error;
    }

    /// <summary>
    /// The members the notice would reach now; empty once it has been published, because the audience
    /// was fixed then and never changes.
    /// </summary>
    public static async Task<IReadOnlyList<int>> AudienceForPublicationAsync(AudienceResolver audiences, UnitTree units, Notice notice, DateTimeOffset now, CancellationToken cancellationToken) =>
        notice.HasBeenPublished
            ? []
            : await audiences.RecipientsAsync(units, notice.Audience, notice.Visibility, LocalCalendar.Today(now), cancellationToken);

    /// <summary>
    /// Saves a change to an existing notice; false when someone else changed it first (approved, edited or
    /// withdrew it at the same moment), in which case nothing of this change is stored.
    /// </summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.Entries.Any(e => e.Entity is NoticeRecipient))
        {
            // A concurrency conflict on the notice, or the recipients' unique index when two approvals raced.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static ProblemHttpResult Changed() =>
        Problems.Conflict("通知已被修改", "该通知刚刚被其他人审核、修改或撤回，请刷新后重试。");

    /// <summary>Units whose notices the viewer manages (branches and general branches).</summary>
    public static IReadOnlyList<int> ManagedUnitIds(Reader viewer) =>
        viewer.Access is { } access ? access.VisibleUnitIds().Where(access.CanManage).ToList() : [];
}
