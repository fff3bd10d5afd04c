using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.Property(t => t.FromOrganization).HasMaxLength(Transfer.OrganizationMaxLength);
        builder.Property(t => t.ToOrganization).HasMaxLength(Transfer.OrganizationMaxLength);
        builder.Property(t => t.Reason).HasMaxLength(Transfer.TextMaxLength);
        builder.Property(t => t.ReturnReason).HasMaxLength(Transfer.TextMaxLength);
        builder.Property(t => t.ReceiptNote).HasMaxLength(Transfer.TextMaxLength);
        builder.Property(t => t.LetterNumber).HasMaxLength(Transfer.LetterNumberMaxLength);
        builder.Property(t => t.VerificationCode).HasMaxLength(Transfer.CodeLength);
        builder.Property(t => t.Ethnicity).HasMaxLength(Transfer.EthnicityMaxLength);
        builder.Property(t => t.ProtectedIdNumber).HasMaxLength(Transfer.ProtectedIdNumberMaxLength);
        builder.Ignore(t => t.IsOpen);

        // Approve, accept and return race (two secretaries tapping at once): the later save fails.
        builder.Property(t => t.State).IsConcurrencyToken();

        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(t => t.FromBranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(t => t.ToBranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VerificationCode).IsUnique().HasFilter("[VerificationCode] IS NOT NULL");
        builder.HasIndex(t => new { t.MemberId, t.State });
        builder.HasIndex(t => new { t.State, t.ValidUntil });
    }
}
