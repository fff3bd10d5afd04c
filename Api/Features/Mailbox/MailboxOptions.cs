using System.ComponentModel.DataAnnotations;
using SmartBranch.Domain.Interaction;

namespace SmartBranch.Api.Features.Mailbox;

/// <summary>
/// Mailbox settings (section "Mailbox"). Periods are working days: Monday to Friday, China time; public
/// holidays are not known and count as weekdays (see <see cref="WorkingDays"/>).
/// </summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Mailbox";

    /// <summary>Reply period per category; a category left out uses <see cref="DefaultReplyWorkingDays"/>.</summary>
    public Dictionary<MailboxCategory, int> ReplyWorkingDays { get; set; } = [];

    [Range(1, 60)]
    public int DefaultReplyWorkingDays { get; set; } = 5;

    /// <summary>Working days after the reply deadline until an unanswered message is flagged to the general branch.</summary>
    [Range(1, 60)]
    public int EscalationWorkingDays { get; set; } = 5;

    public int ReplyDaysFor(MailboxCategory category) =>
        ReplyWorkingDays.TryGetValue(category, out var days) && days > 0 ? days : DefaultReplyWorkingDays;
}
