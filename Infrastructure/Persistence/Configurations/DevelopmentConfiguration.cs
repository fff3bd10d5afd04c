using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class DevelopmentRecordConfiguration : IEntityTypeConfiguration<DevelopmentRecord>
{
    public void Configure(EntityTypeBuilder<DevelopmentRecord> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(DevelopmentRecord.NameMaxLength).IsRequired();
        builder.Property(r => r.Number).HasMaxLength(DevelopmentRecord.NumberMaxLength).IsRequired();
        builder.Property(r => r.OpenId).HasMaxLength(DevelopmentRecord.OpenIdMaxLength);

        // Every event bumps it, so two recordings racing on the same record cannot both pass the order check.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.LastNumber);
        builder.Ignore(r => r.Stage);
        builder.Ignore(r => r.NextStep);
        builder.Ignore(r => r.ContactIds);
        builder.Ignore(r => r.IntroducerIds);
        builder.Ignore(r => r.ExtensionCount);

        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(r => r.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(r => new { r.BranchId, r.Number }).IsUnique();
        builder.HasIndex(r => r.OpenId).IsUnique().HasFilter("[OpenId] IS NOT NULL");
        builder.HasIndex(r => r.MemberId);
    }
}

internal sealed class DevelopmentStepConfiguration : IEntityTypeConfiguration<DevelopmentStep>
{
    public void Configure(EntityTypeBuilder<DevelopmentStep> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(DevelopmentStep.NoteMaxLength).IsRequired();
        builder.Ignore(s => s.ByApplicant);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.RecordedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SmartBranch.Domain.Meetings.Resolution>().WithMany().HasForeignKey(s => s.ResolutionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(s => s.People, people =>
        {
            people.ToTable("DevelopmentStepPeople");
            people.WithOwner().HasForeignKey("StepId");
            people.Property<int>("Id");
            people.HasKey("Id");
            people.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
            people.HasIndex(p => p.MemberId);
        });
        builder.Navigation(s => s.People).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.RecordId, s.Kind });
    }
}

internal sealed class DevelopmentRuleConfiguration : IEntityTypeConfiguration<DevelopmentRule>
{
    public void Configure(EntityTypeBuilder<DevelopmentRule> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(DevelopmentRule.KeyMaxLength);
        builder.Property(r => r.Description).HasMaxLength(DevelopmentRule.DescriptionMaxLength).IsRequired();

        // The defaults are rows, not constants: a migration seeds them, the general branch may change them.
        builder.HasData(DevelopmentRules.Defaults.Select(r => new { r.Key, r.Value, r.Description }));
    }
}

internal sealed class PublicityConfiguration : IEntityTypeConfiguration<Publicity>
{
    public void Configure(EntityTypeBuilder<Publicity> builder)
    {
        builder.Ignore(p => p.NextStepFrom);
        builder.HasOne<DevelopmentRecord>().WithMany().HasForeignKey(p => p.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(p => p.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.CreatedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RecordId, p.Before });
        builder.HasIndex(p => new { p.BranchId, p.EndsOn });
    }
}

internal sealed class PublicityObjectionConfiguration : IEntityTypeConfiguration<PublicityObjection>
{
    public void Configure(EntityTypeBuilder<PublicityObjection> builder)
    {
        builder.Property(o => o.Text).HasMaxLength(PublicityObjection.TextMaxLength).IsRequired();
        builder.HasOne<Publicity>().WithMany().HasForeignKey(o => o.PublicityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(o => o.FromMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
