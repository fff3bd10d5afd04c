using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(InboxMessage.TitleMaxLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(InboxMessage.BodyMaxLength).IsRequired();
        builder.Property(m => m.SubjectType).HasMaxLength(InboxMessage.SubjectTypeMaxLength);
        builder.Property(m => m.Link).HasMaxLength(InboxMessage.LinkMaxLength);
        builder.Ignore(m => m.IsRead);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DevelopmentRecord>().WithMany().HasForeignKey(m => m.ApplicantId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_InboxMessages_Recipient", RecipientColumns.ExactlyOne));
        builder.HasIndex(m => new { m.MemberId, m.Id });
        builder.HasIndex(m => new { m.ApplicantId, m.Id }).HasFilter(RecipientColumns.ApplicantSet);
    }
}
