using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Domain.Development;
using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        // Stored by name, like the enums it replaced (ConfigureConventions), so the column is unchanged. The empty string
        // stands for default(ReminderKind), which is never stored: the compiled model (CompiledModels/) keeps the property's
        // sentinel, the default, as its provider value and converts it back, so the conversion must round-trip it.
        builder.Property(r => r.Kind).HasConversion(k => k.Name ?? string.Empty, name => name.Length == 0 ? default : new ReminderKind(name)).HasMaxLength(ReminderKind.NameMaxLength).IsRequired();
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
        builder.Ignore(r => r.Recipient);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DevelopmentRecord>().WithMany().HasForeignKey(r => r.ApplicantId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_Reminders_Recipient", RecipientColumns.ExactlyOne));

        // The same reminder can never be scheduled twice (for a member, or for a person in development).
        builder.HasIndex(r => new { r.SubjectType, r.SubjectId, r.Slot, r.MemberId }).IsUnique().HasFilter(RecipientColumns.MemberSet);
        builder.HasIndex(r => new { r.SubjectType, r.SubjectId, r.Slot, r.ApplicantId }).IsUnique().HasFilter(RecipientColumns.ApplicantSet);

        // The scheduler's scan: due reminders still waiting.
        builder.HasIndex(r => new { r.Status, r.DueAt });
    }
}

/// <summary>
/// The recipient columns of the outbox, the inbox and the subscription quota (<see cref="Recipient"/>): exactly one of
/// MemberId and ApplicantId is set. The filters are written so SQLite and SQL Server both accept them.
/// </summary>
internal static class RecipientColumns
{
    public const string ExactlyOne = "([MemberId] IS NOT NULL AND [ApplicantId] IS NULL) OR ([MemberId] IS NULL AND [ApplicantId] IS NOT NULL)";

    public const string MemberSet = "[MemberId] IS NOT NULL";

    public const string ApplicantSet = "[ApplicantId] IS NOT NULL";
}
