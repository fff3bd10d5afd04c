using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Resolution.TitleMaxLength).IsRequired();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
