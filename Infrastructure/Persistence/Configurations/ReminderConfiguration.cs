using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.SubjectType).HasMaxLength(Reminder.SubjectTypeMaxLength).IsRequired();
        builder.Property(r => r.Slot).HasMaxLength(Reminder.SlotMaxLength).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(Reminder.TitleMaxLength).IsRequired();
        builder.Property(r => r.Body).HasMaxLength(Reminder.BodyMaxLength).IsRequired();
        builder.Property(r => r.Page).HasMaxLength(InboxMessage.LinkMaxLength);
        builder.Property(r => r.Subject).HasMaxLength(Reminder.TextMaxLength).IsRequired();
        builder.Property(r => r.Place).HasMaxLength(Reminder.TextMaxLength);
        builder.Property(r => r.Note).HasMaxLength(Reminder.TextMaxLength);
        builder.Property(r => r.LastError).HasMaxLength(Reminder.ErrorMaxLength);
        builder.Property(r => r.WeChatMsgId).HasMaxLength(Reminder.MsgIdMaxLength);
        builder.Property(r => r.LeaseOwner).HasMaxLength(Reminder.LeaseOwnerMaxLength);
        builder.Ignore(r => r.IsPending);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);

        // The same reminder can never be scheduled twice.
        builder.HasIndex(r => new { r.SubjectType, r.SubjectId, r.Slot, r.MemberId }).IsUnique();

        // The scheduler's scan: due reminders still waiting.
        builder.HasIndex(r => new { r.Status, r.DueAt });
    }
}
