using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Organization;
using SmartBranch.Domain.Study;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class StudyMediaConfiguration : IEntityTypeConfiguration<StudyMedia>
{
    public void Configure(EntityTypeBuilder<StudyMedia> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.FileName).HasMaxLength(StudyMedia.FileNameMaxLength).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(StudyMedia.ContentTypeMaxLength);
        builder.Property(m => m.Sha256).HasMaxLength(StudyMedia.Sha256Length);
        builder.Property(m => m.StorageKey).HasMaxLength(MediaKeys.MaxLength);
        builder.Property(m => m.PosterKey).HasMaxLength(MediaKeys.MaxLength);
        builder.Property(m => m.CheckTraceId).HasMaxLength(StudyMedia.TraceIdMaxLength);
        builder.Property(m => m.CheckSuggest).HasMaxLength(20);
        builder.Ignore(m => m.ChunkCount);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.UploaderMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Chunks).WithOne().HasForeignKey(c => c.MediaId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Chunks).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The wxa_media_check event names the check by trace_id only.
        builder.HasIndex(m => m.CheckTraceId).IsUnique().HasFilter("[CheckTraceId] IS NOT NULL");
    }
}

internal sealed class StudyMediaChunkConfiguration : IEntityTypeConfiguration<StudyMediaChunk>
{
    // One row per chunk: a chunk sent twice (a resend after a dropped connection) is the same row.
    public void Configure(EntityTypeBuilder<StudyMediaChunk> builder) => builder.HasKey(c => new { c.MediaId, c.Index });
}

internal sealed class StudyMaterialConfiguration : IEntityTypeConfiguration<StudyMaterial>
{
    public void Configure(EntityTypeBuilder<StudyMaterial> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(StudyMaterial.TitleMaxLength).IsRequired();
        builder.Property(m => m.Topic).HasMaxLength(StudyMaterial.TopicMaxLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(StudyMaterial.BodyMaxLength);
        builder.Property(m => m.Status).IsConcurrencyToken();
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudyMedia>().WithMany().HasForeignKey(m => m.MediaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.UnitId, m.Status, m.Id });
    }
}

internal sealed class StudyProgressConfiguration : IEntityTypeConfiguration<StudyProgress>
{
    public void Configure(EntityTypeBuilder<StudyProgress> builder)
    {
        builder.ToTable("StudyProgress");
        builder.Property(p => p.Topic).HasMaxLength(StudyProgress.TopicMaxLength).IsRequired();
        builder.Property(p => p.Hours).HasPrecision(6, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudyMaterial>().WithMany().HasForeignKey(p => p.MaterialId).OnDelete(DeleteBehavior.Restrict);

        // One row per member and material, so a material's hours are added once whatever the devices do.
        builder.HasIndex(p => new { p.MemberId, p.MaterialId }).IsUnique();
        builder.HasIndex(p => new { p.MemberId, p.Year });
    }
}

internal sealed class StudyAssignmentConfiguration : IEntityTypeConfiguration<StudyAssignment>
{
    public void Configure(EntityTypeBuilder<StudyAssignment> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(StudyAssignment.TitleMaxLength).IsRequired();
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Materials).WithOne().HasForeignKey(m => m.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Assignees).WithOne().HasForeignKey(m => m.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Materials).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Assignees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StudyAssignmentMaterialConfiguration : IEntityTypeConfiguration<StudyAssignmentMaterial>
{
    public void Configure(EntityTypeBuilder<StudyAssignmentMaterial> builder)
    {
        builder.HasKey(m => new { m.AssignmentId, m.MaterialId });
        builder.HasOne<StudyMaterial>().WithMany().HasForeignKey(m => m.MaterialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudyAssigneeConfiguration : IEntityTypeConfiguration<StudyAssignee>
{
    public void Configure(EntityTypeBuilder<StudyAssignee> builder)
    {
        builder.HasKey(a => new { a.AssignmentId, a.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MemberId);
    }
}
