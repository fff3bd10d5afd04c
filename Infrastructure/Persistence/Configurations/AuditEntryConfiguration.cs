using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Common;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.TargetType).HasMaxLength(AuditEntry.TargetTypeMaxLength).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryMaxLength).IsRequired();
        builder.HasIndex(a => new { a.UnitId, a.Id });
    }
}
