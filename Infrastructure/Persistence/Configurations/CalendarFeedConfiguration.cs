using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Calendar;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.SecretHash).HasMaxLength(CalendarFeed.HashLength).IsFixedLength().IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.MemberId).IsUnique();
        builder.HasIndex(f => f.SecretHash).IsUnique();
    }
}
