namespace SmartBranch.Domain.Organization;

/// <summary>
/// One addressee of posted content as asked for: an organisation unit or a chosen member (exactly one of the
/// two ids is set). An <see cref="Audience"/> is stored as these rows. Each aggregate keeps its own row type
/// and table (a notice's <c>NoticeAudience</c>, an activity's <c>ActivityAudience</c>) so every row has a
/// foreign key to its owner; this base holds the shape they share and the rule that writes an audience as rows.
/// </summary>
public abstract class AudienceEntry
{
    protected AudienceEntry()
    {
    }

    protected AudienceEntry(int? unitId, int? memberId)
    {
        UnitId = unitId;
        MemberId = memberId;
    }

    public long Id { get; private set; }

    public int? UnitId { get; private set; }

    public int? MemberId { get; private set; }

    /// <summary>
    /// Makes <paramref name="entries"/> hold exactly the audience asked for: rows no longer asked for go, new
    /// units and then new members are added in ascending order, rows still asked for stay (an unchanged audience
    /// writes nothing). Repeated ids count once.
    /// </summary>
    public static void Replace<TEntry>(
        List<TEntry> entries, IEnumerable<int> unitIds, IEnumerable<int> memberIds, Func<int?, int?, TEntry> create)
        where TEntry : AudienceEntry
    {
        var units = unitIds.ToHashSet();
        var members = memberIds.ToHashSet();
        entries.RemoveAll(e => (e.UnitId is int u && !units.Contains(u)) || (e.MemberId is int m && !members.Contains(m)));
        units.ExceptWith(entries.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value));
        members.ExceptWith(entries.Where(e => e.MemberId is not null).Select(e => e.MemberId!.Value));
        entries.AddRange(units.Order().Select(u => create(u, null)));
        entries.AddRange(members.Order().Select(m => create(null, m)));
    }

    /// <summary>The audience the rows stand for.</summary>
    public static Audience ToAudience(IEnumerable<AudienceEntry> entries)
    {
        var list = entries as IReadOnlyCollection<AudienceEntry> ?? entries.ToList();
        return new Audience(
            list.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value).ToList(),
            list.Where(e => e.MemberId is not null).Select(e => e.MemberId!.Value).ToList());
    }
}
