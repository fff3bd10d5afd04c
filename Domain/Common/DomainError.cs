namespace SmartBranch.Domain.Common;

/// <summary>What kind of refusal a <see cref="DomainError"/> is; the API turns each into one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule (400).</summary>
    Invalid,

    /// <summary>The caller may see the thing but not do this to it (403).</summary>
    Forbidden,

    /// <summary>The thing does not exist, or the caller may not know it does (404).</summary>
    NotFound,

    /// <summary>The input is fine but the state of things refuses it: already cancelled, full, too late (409).</summary>
    Conflict,

    /// <summary>The caller tried too often and must wait (429).</summary>
    TooManyAttempts,
}

/// <summary>
/// A rule the domain refused. <see cref="Message"/> is shown to users, so it is Simplified Chinese;
/// <see cref="Code"/> is stable for clients (e.g. <c>activity.full</c>).
/// </summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind = ErrorKind.Invalid)
{
    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static DomainError Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    /// <summary>The same refusal as another kind, where the caller knows better (a rule read as "not allowed here").</summary>
    public DomainError As(ErrorKind kind) => this with { Kind = kind };
}
