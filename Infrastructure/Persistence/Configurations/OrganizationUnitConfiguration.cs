using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationUnitConfiguration : IEntityTypeConfiguration<OrganizationUnit>
{
    public void Configure(EntityTypeBuilder<OrganizationUnit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Name).HasMaxLength(OrganizationUnit.NameMaxLength).IsRequired();
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ParentId, u.Name }).IsUnique();
        builder.Ignore(u => u.IsClosed);
    }
}
