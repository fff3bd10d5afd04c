using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MailboxMessageConfiguration : IEntityTypeConfiguration<MailboxMessage>
{
    public void Configure(EntityTypeBuilder<MailboxMessage> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(MailboxMessage.TextMaxLength).IsRequired();
        builder.Property(m => m.ImageIds).HasMaxLength(40 * MailboxMessage.MaxImages).IsRequired();
        builder.Ignore(m => m.Images);
        builder.Ignore(m => m.AddresseeUnitId);

        // Answer and resolution race each other.
        builder.Property(m => m.Status).IsConcurrencyToken();
        builder.HasMany(m => m.Replies).WithOne().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Replies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.GeneralBranchId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => new { m.BranchId, m.Addressee, m.Status });
        builder.HasIndex(m => new { m.GeneralBranchId, m.Status, m.EscalateAt });
        builder.HasIndex(m => new { m.AuthorMemberId, m.SentAt });
    }
}

internal sealed class MailboxReplyConfiguration : IEntityTypeConfiguration<MailboxReply>
{
    public void Configure(EntityTypeBuilder<MailboxReply> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(MailboxMessage.ReplyMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.AnsweredByMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
