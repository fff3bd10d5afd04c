using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

/// <summary>
/// The one mapping of an audience row type (<see cref="AudienceEntry"/>): its own table, and indexes on the owner's
/// foreign key and on both addressee ids (who is addressed by what). The owner maps the relationship itself.
/// </summary>
internal static class AudienceEntryMapping
{
    public static void Configure<TEntry>(EntityTypeBuilder<TEntry> builder, string table, Expression<Func<TEntry, object?>> ownerId)
        where TEntry : AudienceEntry
    {
        builder.ToTable(table);
        builder.HasIndex(ownerId);
        builder.HasIndex(e => e.UnitId);
        builder.HasIndex(e => e.MemberId);
    }
}
