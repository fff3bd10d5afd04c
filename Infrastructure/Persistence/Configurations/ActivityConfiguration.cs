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

        // The compliance report: each branch's and group's latest held activity, and the 主题党日 activities of a
        // period, by seeking to each unit's scheduled activities; covering, so SQLite prefers it to the
        // organisation-wide (Status, EndsAt) index however many units the report asks about (QueryPlanTests).
        builder.HasIndex(a => new { a.UnitId, a.Status, a.StartsAt, a.IsThemedPartyDay });
    }
}

internal sealed class ActivityAudienceEntryConfiguration : IEntityTypeConfiguration<ActivityAudienceEntry>
{
    public void Configure(EntityTypeBuilder<ActivityAudienceEntry> builder)
    {
        AudienceEntryMapping.Configure(builder, "ActivityAudience", e => e.ActivityId);
    }
}
