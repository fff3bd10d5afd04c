namespace SmartBranch.Domain.Messaging;

/// <summary>
/// What a reminder is about; each kind has its own subscription-message template. A kind is its name: stored on every
/// outbox row, written as the <c>kind</c> string in JSON, used in configuration keys (<c>Reminders:Templates:&lt;Name&gt;</c>).
/// An area declares its kinds beside its domain code as a <c>partial</c> of this type (e.g. Domain/Dues/DuesReminderKinds.cs)
/// and registers each once in its module (<c>AddReminderKind</c>, Api/Messaging/README.md); this file is not edited.
/// </summary>
public readonly partial record struct ReminderKind
{
    /// <summary>At most this many characters (the outbox column).</summary>
    public const int NameMaxLength = 40;

    /// <summary>通知提醒: the general kind any area may remind with when it has no template of its own (unread notices,
    /// transfers, study assignments, the mailbox, organisation flags).</summary>
    public static readonly ReminderKind Notice = new("Notice");

    /// <param name="name">PascalCase ASCII letters, 1 to <see cref="NameMaxLength"/> characters (e.g. <c>LeaveDecision</c>).</param>
    /// <exception cref="ArgumentException">The name is not PascalCase ASCII letters of that length.</exception>
    public ReminderKind(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A reminder kind is 1 to {NameMaxLength} ASCII letters starting with a capital: '{name}'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The kind's name, e.g. <c>Meeting</c>.</summary>
    public string Name { get; }

    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= NameMaxLength } && char.IsAsciiLetterUpper(name[0]) && name.All(char.IsAsciiLetter);

    public override string ToString() => Name ?? string.Empty;
}
