using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class SubscriptionQuotaConfiguration : IEntityTypeConfiguration<SubscriptionQuota>
{
    public void Configure(EntityTypeBuilder<SubscriptionQuota> builder)
    {
        builder.Property(q => q.TemplateId).HasMaxLength(SubscriptionQuota.TemplateIdMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(q => q.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DevelopmentRecord>().WithMany().HasForeignKey(q => q.ApplicantId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_SubscriptionQuotas_Recipient", RecipientColumns.ExactlyOne));

        // One counter per recipient and template; concurrent first accepts race on these indexes.
        builder.HasIndex(q => new { q.MemberId, q.TemplateId }).IsUnique().HasFilter(RecipientColumns.MemberSet);
        builder.HasIndex(q => new { q.ApplicantId, q.TemplateId }).IsUnique().HasFilter(RecipientColumns.ApplicantSet);
    }
}
