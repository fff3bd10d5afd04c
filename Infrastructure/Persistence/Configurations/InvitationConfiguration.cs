using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(Invitation.CodeLength).IsRequired();
        builder.Ignore(i => i.Scene);

        // Two accounts binding with one single-use invitation at once: the second save fails on this token.
        builder.Property(i => i.UseCount).IsConcurrencyToken();

        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(i => i.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.CreatedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Code).IsUnique();
    }
}
