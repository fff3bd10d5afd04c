namespace SmartBranch.Domain.Common;

/// <summary>
/// The outcome of a domain operation that may be refused: success, or the <see cref="DomainError"/>.
/// The one result type of the code base; the API turns a refusal into ProblemDetails with <c>Problems.From</c>.
/// Callers must look at it (<see cref="Succeeded"/>); a discarded result is a refusal nobody saw.
/// </summary>
public readonly record struct Result(DomainError? Error)
{
    public static Result Ok => new(null);

    public bool Succeeded => Error is null;

    public static implicit operator Result(DomainError error) => new(error);
}

/// <summary>The outcome of a domain operation that makes or finds something: the value, or the <see cref="DomainError"/>.</summary>
public readonly record struct Result<T>(T? Value, DomainError? Error)
{
    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);

    /// <summary><c>var (value, error) = …</c>: exactly one of the two is set.</summary>
    public void Deconstruct(out T? value, out DomainError? error)
    {
        value = Value;
        error = Error;
    }
}
