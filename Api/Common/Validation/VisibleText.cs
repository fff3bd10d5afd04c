using System.Globalization;

namespace SmartBranch.Api.Common.Validation;

/// <summary>
/// Text that shows something: <c>NotEmpty</c> lets through text made only of invisible characters (zero-width space,
/// joiners, a BOM: Unicode format characters; NUL, BEL and the other control characters), which would be a blank title
/// in every member's feed or a blank card on a message wall. Null, empty and white space pass (NotEmpty reports those,
/// once). The one rule for required titles, topics and names (meetings, resolutions, notices, activities, stories,
/// study, appraisals, units) and required bodies (minutes, wall and mailbox messages).
/// </summary>
public static class VisibleTextRules
{
    /// <summary>
    /// True when <paramref name="text"/> is blank (NotEmpty's to refuse) or has a character that is neither white space,
    /// a control character (<c>\u0000</c>, <c>\u0007</c>, …) nor a format character (<c>\u200b</c>, …).
    /// </summary>
    public static bool IsVisible(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format);

    /// <summary>Refuses text with nothing visible in it; the message is the rule's own (WithMessage).</summary>
    public static IRuleBuilderOptions<T, string> VisibleText<T>(this IRuleBuilder<T, string> rule) => rule.Must(IsVisible);
}
