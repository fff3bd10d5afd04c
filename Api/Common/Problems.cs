using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Common;

/// <summary>The refusals of access gates, as domain errors so gates return <see cref="Result{T}"/> like the domain does.</summary>
public static class Refusals
{
    public const string NotFoundDetail = "请求的内容不存在或您无权查看。";
    public const string ForbiddenDetail = "您没有执行此操作的权限。";

    /// <summary>404: missing, or not for the caller to know about.</summary>
    public static DomainError NotFound(string detail = NotFoundDetail) => DomainError.NotFound("not_found", detail);

    /// <summary>403: visible to the caller but not theirs to act on.</summary>
    public static DomainError Forbidden(string detail = ForbiddenDetail) => DomainError.Forbidden("forbidden", detail);
}

/// <summary>
/// ProblemDetails for expected outcomes. Titles and details are Simplified Chinese because the
/// mini-program shows them as they are.
/// </summary>
public static class Problems
{
    /// <summary>Default Chinese titles by status, used for every ProblemDetails that has no title of its own.</summary>
    public static readonly IReadOnlyDictionary<int, string> Titles = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "请求有误",
        [StatusCodes.Status401Unauthorized] = "请先登录",
        [StatusCodes.Status403Forbidden] = "没有权限",
        [StatusCodes.Status404NotFound] = "未找到",
        [StatusCodes.Status405MethodNotAllowed] = "不支持该请求方法",
        [StatusCodes.Status409Conflict] = "操作冲突",
        [StatusCodes.Status413PayloadTooLarge] = "上传内容过大",
        [StatusCodes.Status415UnsupportedMediaType] = "不支持的内容类型",
        [StatusCodes.Status422UnprocessableEntity] = "无法处理",
        [StatusCodes.Status429TooManyRequests] = "请求过于频繁",
        [StatusCodes.Status500InternalServerError] = "服务器内部错误",
        [StatusCodes.Status503ServiceUnavailable] = "服务暂不可用",
    };

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    /// <summary>
    /// 400 for a <c>cursor</c> that is not one the list answered as <c>nextCursor</c> (title 分页参数无效, code
    /// <c>list.invalid_cursor</c>). Every paged list answers a bad cursor with this and nothing else; see <see cref="ListCursor"/>.
    /// </summary>
    public static ProblemHttpResult InvalidCursor() =>
        TypedResults.Problem(ListCursor.InvalidDetail, statusCode: StatusCodes.Status400BadRequest, title: ListCursor.InvalidTitle,
            extensions: new Dictionary<string, object?> { ["code"] = ListCursor.InvalidCode });

    public static ProblemHttpResult NotFound(string detail = Refusals.NotFoundDetail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: Titles[StatusCodes.Status404NotFound]);

    public static ProblemHttpResult Forbidden(string detail = Refusals.ForbiddenDetail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: Titles[StatusCodes.Status403Forbidden]);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: title);

    /// <summary>
    /// The one conversion of a domain refusal to ProblemDetails: the status follows from its kind (400, 403,
    /// 404, 409, 413, 415, 422, 429), the title is its own or the status's, the detail is its Chinese message and <c>code</c>
    /// its stable code.
    /// </summary>
    public static ProblemHttpResult From(DomainError error)
    {
        var statusCode = error.Kind switch
        {
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.TooManyAttempts => StatusCodes.Status429TooManyRequests,
            ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(error.Message, statusCode: statusCode, title: error.Title ?? Titles[statusCode],
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    /// <summary>A temporary outage: the client may try again after <paramref name="retryAfterSeconds"/>.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context, string detail, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: Titles[StatusCodes.Status503ServiceUnavailable]);
    }

    public static ProblemHttpResult TooManyRequests(HttpContext context, string detail, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: Titles[StatusCodes.Status429TooManyRequests]);
    }

    /// <summary>
    /// 503 when a PDF (<paramref name="document"/>: 签到表, 介绍信) cannot be printed because the server has no CJK font.
    /// The caller reads one Chinese sentence; the operator reads <paramref name="problem"/> (which font paths were
    /// looked at, which Debian package to install) in the log at Error, not in the answer.
    /// </summary>
    public static ProblemHttpResult NoChineseFont(ILogger logger, string document, string problem)
    {
        logger.LogError("Cannot print {Document}: {Problem}", document, problem);
        return TypedResults.Problem($"服务器未安装中文字体，暂时无法打印{document}，请联系管理员。", statusCode: StatusCodes.Status503ServiceUnavailable, title: Titles[StatusCodes.Status503ServiceUnavailable]);
    }
}
