namespace SmartBranch.Domain.Common;

/// <summary>
/// A rule the domain refused. <see cref="Message"/> is shown to users, so it is Simplified Chinese.
/// </summary>
public sealed record DomainError(string Code, string Message);

/// <summary>The outcome of a domain operation that may be refused.</summary>
public readonly record struct Outcome(DomainError? Error)
{
    public static Outcome Ok => new(null);

    public bool Succeeded => Error is null;

    public static implicit operator Outcome(DomainError error) => new(error);
}
