using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Dues;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>The dues area's sets, declared with its mapping so the area does not edit AppDbContext.cs.</summary>
public abstract partial class AppDbContext
{
    public DbSet<DuesBase> DuesBases => Set<DuesBase>();

    public DbSet<DuesAccount> DuesAccounts => Set<DuesAccount>();

    public DbSet<DuesBill> DuesBills => Set<DuesBill>();

    public DbSet<DuesPayment> DuesPayments => Set<DuesPayment>();
}

internal sealed class DuesBaseConfiguration : IEntityTypeConfiguration<DuesBase>
{
    public void Configure(EntityTypeBuilder<DuesBase> builder)
    {
        builder.Property(b => b.ReductionReason).HasMaxLength(DuesBase.ReasonMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.MemberId, b.Year }).IsUnique();
    }
}

internal sealed class DuesAccountConfiguration : IEntityTypeConfiguration<DuesAccount>
{
    public void Configure(EntityTypeBuilder<DuesAccount> builder)
    {
        builder.HasKey(a => a.MemberId);
        builder.Property(a => a.MemberId).ValueGeneratedNever();
        builder.Property(a => a.ExcuseReason).HasMaxLength(DuesAccount.ReasonMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DuesBillConfiguration : IEntityTypeConfiguration<DuesBill>
{
    public void Configure(EntityTypeBuilder<DuesBill> builder)
    {
        builder.Ignore(b => b.Month);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(b => b.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DuesPayment>().WithMany().HasForeignKey(b => b.PaymentId).OnDelete(DeleteBehavior.Restrict);

        // One bill per member and month, whoever makes it first.
        builder.HasIndex(b => new { b.MemberId, b.Period }).IsUnique();
        builder.HasIndex(b => new { b.BranchId, b.Period });
        builder.Property(b => b.Status).IsConcurrencyToken();
    }
}

internal sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> builder)
    {
        builder.Ignore(p => p.Months);
        builder.Property(p => p.OutTradeNo).HasMaxLength(DuesPayment.OutTradeNoMaxLength).IsRequired();
        builder.Property(p => p.PayerOpenId).HasMaxLength(Member.OpenIdMaxLength);
        builder.Property(p => p.PrepayId).HasMaxLength(DuesPayment.IdMaxLength);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(DuesPayment.ReceiptMaxLength);
        builder.Property(p => p.Problem).HasMaxLength(DuesPayment.TextMaxLength);
        builder.Property(p => p.OutRefundNo).HasMaxLength(DuesPayment.OutTradeNoMaxLength);
        builder.Property(p => p.RefundReason).HasMaxLength(DuesPayment.TextMaxLength);

        // Notification, query and reconciliation may settle the same order at once: the second writer must see the first.
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(p => p.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OutTradeNo).IsUnique();
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => new { p.BranchId, p.PaidAt });
        builder.HasIndex(p => p.MemberId);
    }
}
