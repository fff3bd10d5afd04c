using Microsoft.AspNetCore.Diagnostics;
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
                StatusCodes.Status404NotFound => "请求的地址不存在。",
                StatusCodes.Status405MethodNotAllowed => "该地址不支持此请求方法。",
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

        // Bad JSON or a wrong route value type is a 400 from the pipeline, not an exception page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        return services;
    }

    private static bool IsDefaultEnglishTitle(string title) => title.Length > 0 && title.All(c => c < 128);

    /// <summary>Seconds a client should wait before trying again while Redis is unreachable.</summary>
    public const int RedisRetryAfterSeconds = 5;

    private static bool IsRedisOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException || exception.InnerException is RedisConnectionException or RedisTimeoutException;

    private sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
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

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = outage ? null : exception,
                ProblemDetails =
                {
                    Status = status,
                    Detail = outage ? "服务暂时不可用，请稍后再试。" : null,
                },
            });
        }
    }
}
