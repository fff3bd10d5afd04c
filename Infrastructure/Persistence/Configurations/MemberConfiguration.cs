using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Member.NameMaxLength).IsRequired();
        builder.Property(m => m.Number).HasMaxLength(Member.NumberMaxLength).IsRequired();
        builder.Property(m => m.Phone).HasMaxLength(Member.ProtectedPhoneMaxLength);
        // Binding races (two accounts claiming one roster entry, or a bind racing an unbind): the later save fails.
        builder.Property(m => m.OpenId).HasMaxLength(Member.OpenIdMaxLength).IsConcurrencyToken();
        builder.Ignore(m => m.HasVote);
        builder.Ignore(m => m.IsBound);
        builder.Ignore(m => m.IsArchived);

        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.PartyGroupId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => m.Number).IsUnique();

        // One WeChat account binds to at most one roster entry; unbound entries (null) do not collide.
        builder.HasIndex(m => m.OpenId).IsUnique().HasFilter("[OpenId] IS NOT NULL");
    }
}
