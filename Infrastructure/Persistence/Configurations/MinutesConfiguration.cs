using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> builder)
    {
        builder.ToTable("Minutes");
        builder.Property(m => m.Draft).HasMaxLength(Minutes.ContentMaxLength).IsRequired();
        builder.Ignore(m => m.IsPublished);
        builder.Ignore(m => m.Current);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MinutesId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
