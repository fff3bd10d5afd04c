using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace SmartBranch.Api.Common.Errors;

/// <summary>
/// ProblemDetails for every error: Chinese titles, a trace id, and never a stack trace. Redis being unreachable
/// (sessions, queues and caches live there) is an outage, not a bug: 503 with Retry-After.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        // Before AddProblemDetails: the first writer that can write wins, and a browser opening an address gets a page.
        services.AddSingleton<IProblemDetailsWriter, HtmlProblemWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (Problems.Titles.TryGetValue(status, out var title) && (problem.Title is null || IsDefaultEnglishTitle(problem.Title)))
            {
                problem.Title = title;
            }

            problem.Detail ??= status switch
            {
                // No endpoint matched: the address itself is unknown. An endpoint that answers 404 without saying what
                // it did not find is still a known address: say the content is missing (or not the caller's to see).
                StatusCodes.Status404NotFound => context.HttpContext.GetEndpoint() is null ? UnknownAddressDetail : Refusals.NotFoundDetail,
                StatusCodes.Status405MethodNotAllowed => "该地址不支持此请求方法。",
                StatusCodes.Status413PayloadTooLarge => KestrelRejections.TooLargeDetail,
                StatusCodes.Status400BadRequest when problem is not HttpValidationProblemDetails => "请求格式不正确，请检查后重试。",
                _ => null,
            };

            // Exception details are for logs, not for clients, in every environment.
            problem.Extensions.Remove("exception");
            if (context.Exception is not null && status >= StatusCodes.Status500InternalServerError)
            {
                problem.Detail = "服务器出了点问题，请稍后再试；如果一直出现，请联系管理员。";
            }

            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<UnhandledExceptionHandler>();

        // Bad JSON or a wrong route value type throws BadHttpRequestException, which the handler below turns
        // into a 400 ProblemDetails (naming the JSON field when the body could not be read).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The detail of a 404 for an address no endpoint answers (an unknown route or static file).</summary>
    public const string UnknownAddressDetail = "请求的地址不存在。";

    private static bool IsDefaultEnglishTitle(string title) => title.Length > 0 && title.All(c => c < 128);

    /// <summary>The JSON path of a refused body value as a camelCase error key: <c>$.audience.unitIds[0]</c> → <c>audience.unitIds[0]</c>.</summary>
    private static string ErrorKey(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Seconds a client should wait before trying again while Redis is unreachable.</summary>
    public const int RedisRetryAfterSeconds = 5;

    private static bool IsRedisOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException || exception.InnerException is RedisConnectionException or RedisTimeoutException;

    private sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // A body value that cannot be read or is refused (StrictJson): 400 naming the field, like a validator's.
            if (exception is BadHttpRequestException { InnerException: JsonException json })
            {
                var message = json is RefusedJsonValueException refused ? refused.Detail : "格式不正确，请检查该项的填写。";
                return await WriteAsync(httpContext, exception, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [ErrorKey(json.Path)] = [message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = "请求内容未通过校验，请根据提示修改。",
                });
            }

            // Two requests raced for the same unique row (a double tap, a retry, two secretaries at once):
            // the loser's transaction is rolled back, so nothing is half-written. Optimistic concurrency the same.
            if (exception is DbUpdateException db && (db is DbUpdateConcurrencyException || db.IsUniqueViolation()))
            {
                logger.LogWarning("Concurrent write refused with 409 for {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, db.InnerException?.Message ?? db.Message);
                return await WriteAsync(httpContext, exception, new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "操作冲突",
                    Detail = db is DbUpdateConcurrencyException
                        ? "内容刚刚已被他人修改，本次没有保存。请刷新后重试。"
                        : "相同的操作刚刚已经有人（或您在另一处）提交过，本次没有重复保存。请刷新后查看结果。",
                });
            }

            var outage = IsRedisOutage(exception);
            var status = exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => 499,
                _ when outage => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };

            if (outage)
            {
                logger.LogWarning("Redis unreachable for {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
                httpContext.Response.Headers.RetryAfter = RedisRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (status >= 500)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            }

            return await WriteAsync(httpContext, outage ? null : exception, new ProblemDetails
            {
                Status = status,
                Detail = outage ? "服务暂时不可用，请稍后再试。" : null,
            });
        }

        private async ValueTask<bool> WriteAsync(HttpContext httpContext, Exception? exception, ProblemDetails problem)
        {
            httpContext.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = problem,
            });
        }
    }
}
