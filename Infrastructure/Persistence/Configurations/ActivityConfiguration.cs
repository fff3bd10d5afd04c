using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(Activity.DescriptionMaxLength);
        builder.Property(a => a.Place).HasMaxLength(Activity.PlaceMaxLength).IsRequired();
        builder.Property(a => a.CheckInSecret).HasMaxLength(Activity.SecretMaxLength).IsRequired();
        builder.Property(a => a.CancelReason).HasMaxLength(Activity.CancelReasonMaxLength);
        builder.Ignore(a => a.IsCancelled);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Audience).WithOne().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Audience).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Member lists: upcoming activities by start.
        builder.HasIndex(a => new { a.Status, a.EndsAt });
        builder.HasIndex(a => new { a.UnitId, a.StartsAt });
    }
}

internal sealed class ActivityAudienceEntryConfiguration : IEntityTypeConfiguration<ActivityAudienceEntry>
{
    public void Configure(EntityTypeBuilder<ActivityAudienceEntry> builder)
    {
        builder.ToTable("ActivityAudience");
        builder.HasIndex(e => e.UnitId);
        builder.HasIndex(e => e.MemberId);
        builder.HasIndex(e => e.ActivityId);
    }
}
