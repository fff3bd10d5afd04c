using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class AppraisalRoundConfiguration : IEntityTypeConfiguration<AppraisalRound>
{
    public void Configure(EntityTypeBuilder<AppraisalRound> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(AppraisalRound.TitleMaxLength).IsRequired();
        builder.Ignore(r => r.IsOpen);

        // Closing and voting race each other: a ballot must not slip in after the round closed.
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.HasMany(r => r.Appraised).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Voters).WithOne().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Appraised).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Voters).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(r => r.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.OpenedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.BranchId, r.OpenedAt });
    }
}

internal sealed class AppraisedMemberConfiguration : IEntityTypeConfiguration<AppraisedMember>
{
    public void Configure(EntityTypeBuilder<AppraisedMember> builder)
    {
        builder.Property(a => a.SelfAppraisal).HasMaxLength(AppraisedMember.SelfAppraisalMaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RoundId, a.MemberId }).IsUnique();
    }
}

internal sealed class AppraisalVoterConfiguration : IEntityTypeConfiguration<AppraisalVoter>
{
    public void Configure(EntityTypeBuilder<AppraisalVoter> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.RoundId, v.MemberId }).IsUnique();

        // Flipping HasVoted twice at once must fail for one of the two requests.
        builder.Property(v => v.HasVoted).IsConcurrencyToken();
    }
}

/// <summary>
/// Ballots carry no voter and no time. The id is a random GUID made by the domain (never a provider's
/// sequential GUID or an identity), so neither the key nor the clustered order follows the voting order.
/// </summary>
internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Comment).HasMaxLength(Ballot.CommentMaxLength);
        builder.HasOne<AppraisalRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.AppraisedMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.RoundId, b.AppraisedMemberId });
    }
}
