using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class SubscriptionQuotaConfiguration : IEntityTypeConfiguration<SubscriptionQuota>
{
    public void Configure(EntityTypeBuilder<SubscriptionQuota> builder)
    {
        builder.Property(q => q.TemplateId).HasMaxLength(SubscriptionQuota.TemplateIdMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(q => q.MemberId).OnDelete(DeleteBehavior.Cascade);

        // One counter per member and template; concurrent first accepts race on this index.
        builder.HasIndex(q => new { q.MemberId, q.TemplateId }).IsUnique();
    }
}
