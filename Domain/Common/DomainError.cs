namespace SmartBranch.Domain.Common;

/// <summary>What kind of refusal a <see cref="DomainError"/> is; the API turns each into one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule (400).</summary>
    [Label("请求有误")]
    Invalid,

    /// <summary>The caller may see the thing but not do this to it (403).</summary>
    [Label("没有权限")]
    Forbidden,

    /// <summary>The thing does not exist, or the caller may not know it does (404).</summary>
    [Label("未找到")]
    NotFound,

    /// <summary>The input is fine but the state of things refuses it: already cancelled, full, too late (409).</summary>
    [Label("操作冲突")]
    Conflict,

    /// <summary>The caller tried too often and must wait (429).</summary>
    [Label("请求过于频繁")]
    TooManyAttempts,

    /// <summary>Well-formed, but the content itself is refused: a classification marking, a failed content check (422).</summary>
    [Label("无法处理")]
    Unprocessable,

    /// <summary>An upload larger than the limit (413).</summary>
    [Label("上传内容过大")]
    TooLarge,

    /// <summary>An upload of a type that is not accepted, recognised by its content (415).</summary>
    [Label("不支持的内容类型")]
    UnsupportedType,
}

/// <summary>
/// A rule the domain refused. <see cref="Message"/> is shown to users, so it is Simplified Chinese;
/// <see cref="Code"/> is stable for clients (e.g. <c>activity.full</c>); <see cref="Title"/>, when set, is the
/// headline shown above the message (otherwise the status's own, e.g. 请求有误).
/// </summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind = ErrorKind.Invalid, string? Title = null)
{
    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static DomainError Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    /// <summary>A refusal of the content itself (422) under its own headline.</summary>
    public static DomainError Unprocessable(string code, string title, string message) => new(code, message, ErrorKind.Unprocessable, title);

    /// <summary>The same refusal as another kind, where the caller knows better (a rule read as "not allowed here").</summary>
    public DomainError As(ErrorKind kind) => this with { Kind = kind };
}
