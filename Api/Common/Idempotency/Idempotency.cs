using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using SmartBranch.Infrastructure.Redis;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartBranch.Api.Common.Idempotency;

/// <summary>Marks an endpoint whose writes honour the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentWrite
{
    public static readonly IdempotentWrite Instance = new();

    private IdempotentWrite()
    {
    }
}

/// <summary>
/// <c>Idempotency-Key</c> on creating writes (notices, activities, meetings, stories; later payments): the
/// mini-program sends one new key per form submission, so a double tap or a retry after a lost answer
/// creates nothing twice. A repeat with the same key from the same member replays the first answer (status,
/// Location and body, with <c>Idempotent-Replayed: true</c>); a repeat while the first is still running gets
/// 409; the same key on another route or with another body gets 422. Only successful (2xx) answers are
/// kept, for 24 hours: after a refusal the same key may be sent again with corrected input.
/// </summary>
public static class IdempotencyExtensions
{
    public const string HeaderName = "Idempotency-Key";

    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxKeyLength = 128;

    /// <summary>The endpoint honours <c>Idempotency-Key</c> (see <see cref="IdempotencyExtensions"/>).</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(IdempotentWrite.Instance)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddSingleton(sp => new IdempotencyStore(sp.GetService<RedisConnection>(), sp.GetRequiredService<TimeProvider>()));
        services.ConfigureSwaggerGen(o => o.OperationFilter<IdempotencyKeyHeader>());
        return services;
    }

    /// <summary>After authentication (keys belong to a member) and before the endpoint runs.</summary>
    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    private sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IProblemDetailsService problems)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentWrite>() is null
                || !context.Request.Headers.TryGetValue(HeaderName, out var header)
                || context.User.FindFirst(AppClaims.MemberId)?.Value is not { } memberId)
            {
                await next(context);
                return;
            }

            var key = header.ToString();
            if (header.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            {
                await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "请求有误", $"{HeaderName} 应为1到{MaxKeyLength}个可见ASCII字符（建议使用UUID）。");
                return;
            }

            var storeKey = $"{memberId}:{Hash(Encoding.UTF8.GetBytes(key))}";
            var fingerprint = await FingerprintAsync(context.Request);
            switch (await store.ClaimAsync(storeKey, fingerprint))
            {
                case KeyState.InProgress:
                    await WriteProblemAsync(context, StatusCodes.Status409Conflict, "请求正在处理", "相同的提交正在处理中，请稍后刷新查看结果，不要重复提交。");
                    return;
                case KeyState.Mismatch:
                    await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "无法处理", $"该 {HeaderName} 已用于另一次内容不同的提交；每次新的提交请使用新的 {HeaderName}。");
                    return;
                case KeyState.Completed(var stored):
                    await ReplayAsync(context, stored);
                    return;
            }

            await RunAndKeepAsync(context, storeKey, fingerprint);
        }

        private async Task RunAndKeepAsync(HttpContext context, string storeKey, string fingerprint)
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            var kept = false;
            try
            {
                await next(context);
                var status = context.Response.StatusCode;
                if (status is >= 200 and < 300)
                {
                    var response = new StoredResponse(status, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
                    await store.CompleteAsync(storeKey, fingerprint, response);
                    kept = true;
                }
            }
            finally
            {
                context.Response.Body = original;
                if (!kept)
                {
                    // Refused or failed: nothing was created, so the same key may be sent again.
                    await store.ReleaseAsync(storeKey);
                }
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }

        private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
        {
            context.Response.StatusCode = stored.Status;
            context.Response.ContentType = stored.ContentType;
            if (stored.Location is not null)
            {
                context.Response.Headers.Location = stored.Location;
            }

            context.Response.Headers[ReplayedHeaderName] = "true";
            context.Response.ContentLength = stored.Body.Length;
            await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
        }

        private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
        {
            context.Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }

        /// <summary>The route and body of the request: a key reused for something else is refused, not replayed.</summary>
        private static async Task<string> FingerprintAsync(HttpRequest request)
        {
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            return Hash([.. Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"), .. WithoutBoundary(request, body.ToArray())]);
        }

        /// <summary>
        /// A multipart body's boundary is chosen anew by the client for every attempt (the mini-program's and the
        /// browser's both are random), so a retry of the same form would otherwise look like another body (422). The
        /// fingerprint replaces the boundary with a fixed token; the parts themselves still have to be the same.
        /// </summary>
        private static byte[] WithoutBoundary(HttpRequest request, byte[] body)
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            {
                return body;
            }

            return Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(body).Replace(boundary, "boundary", StringComparison.Ordinal));
        }

        private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
    }

    /// <summary>Documents the optional header on every endpoint that honours it.</summary>
    private sealed class IdempotencyKeyHeader : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentWrite>().Any())
            {
                return;
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "One new key per form submission (a UUID; 1–128 visible ASCII characters). A repeat with the same key "
                    + "from the same member returns the first answer (header Idempotent-Replayed: true) without creating again, for 24 hours; "
                    + "409 while the first is still running; 422 when the key was used for a different request. Refusals are not kept.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxKeyLength },
            });
        }
    }
}
