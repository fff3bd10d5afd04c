using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SmartBranch.Api.Common.Errors;

/// <summary>
/// Kestrel answers some requests itself, before any middleware runs (a <c>%00</c> in the path, a request line
/// over 8 KB → 414, headers over their limit → 431, a malformed request line), always with an empty body, and
/// offers no hook to change it (dotnet/aspnetcore#4726, aspnet/KestrelHttpServer#2947). This connection
/// middleware watches what Kestrel writes and gives exactly those answers a ProblemDetails body like every
/// other error. It recognises them by shape: an HTTP/1.x 4xx/5xx header block with <c>Content-Length: 0</c>,
/// <c>Connection: close</c> and no <c>Content-Type</c> (the app's own errors always carry a problem body).
/// Applies to plain-HTTP endpoints (TLS is terminated by the reverse proxy in deployment).
/// </summary>
internal static class KestrelRejections
{
    public static IServiceCollection AddKestrelRejectionProblems(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.ConfigureEndpointDefaults(listen => listen.Use(next => connection => RunAsync(next, connection))));

    private static async Task RunAsync(ConnectionDelegate next, ConnectionContext connection)
    {
        var transport = connection.Transport;
        var output = new RejectionRewriter(transport.Output);
        connection.Transport = new Pipe(transport.Input, output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    }

    /// <summary>
    /// The detail of a 413 for a body over Kestrel's <c>MaxRequestBodySize</c> (its default, 30,000,000 bytes):
    /// Kestrel's own answer when it refuses before the app runs, and the exception handler's when reading the body
    /// hits the limit (ErrorHandling). Endpoints with a smaller limit of their own (media uploads) say theirs.
    /// </summary>
    internal const string TooLargeDetail = "请求内容过大，服务器未处理。";

    /// <summary>The ProblemDetails body for a status Kestrel refused a request with.</summary>
    internal static byte[] ProblemBody(int status) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = $"https://httpstatuses.io/{status}",
        ["title"] = Problems.Titles.GetValueOrDefault(status, status >= 500 ? "服务暂不可用" : "请求有误"),
        ["status"] = status,
        ["detail"] = status switch
        {
            StatusCodes.Status414UriTooLong => "请求地址过长，服务器未处理。",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "请求头过大，服务器未处理。",
            StatusCodes.Status413PayloadTooLarge => TooLargeDetail,
            StatusCodes.Status505HttpVersionNotsupported => "请求不是有效的 HTTP/1.1 请求，服务器未处理。",
            _ when status >= 500 => "服务器暂时无法处理该请求，请稍后再试。",
            _ => "请求无法解析（例如地址含有非法字符或格式不正确），服务器未处理。",
        },
    });

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>
    /// Holds what Kestrel writes between two flushes and passes it on at the flush, unchanged, except a Kestrel
    /// rejection: a header block flushed on its own just before the connection closes is given a problem body.
    /// Holding whole flushes (never switching mid-way) keeps every memory block Kestrel was handed valid.
    /// </summary>
    private sealed class RejectionRewriter(PipeWriter inner) : PipeWriter
    {
        private const int KeptCapacity = 64 * 1024;
        private ArrayBufferWriter<byte> _held = new(4096);

        // Kestrel and System.Text.Json size their flushes by what is still unflushed: here, everything held.
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _held.WrittenCount;

        public override void Advance(int bytes) => _held.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _held.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _held.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            PassOn();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            PassOn();
            await inner.CompleteAsync(exception);
        }

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            PassOn();
            return await inner.FlushAsync(cancellationToken);
        }

        private void PassOn()
        {
            if (_held.WrittenCount == 0)
            {
                return;
            }

            inner.Write(Rewrite(_held.WrittenSpan) ?? _held.WrittenSpan);
            if (_held.Capacity > KeptCapacity)
            {
                // A large body went through; do not keep its buffer for the life of the connection.
                _held = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                _held.ResetWrittenCount();
            }
        }

        /// <summary>The header block with a problem body, or null when this is not a Kestrel rejection.</summary>
        private static byte[]? Rewrite(ReadOnlySpan<byte> written)
        {
            // "HTTP/1.1 400 Bad Request\r\n...\r\n\r\n", nothing after the blank line.
            if (written.Length is < 16 or > 2048 || !written.StartsWith("HTTP/1."u8) || written[9] is not ((byte)'4' or (byte)'5')
                || !written.EndsWith("\r\n\r\n"u8) || written.IndexOf("\r\n\r\n"u8) != written.Length - 4)
            {
                return null;
            }

            var head = Encoding.ASCII.GetString(written);
            if (!head.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
                || !head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase)
                || head.Contains("\r\nContent-Type:", StringComparison.OrdinalIgnoreCase)
                || !int.TryParse(head.AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
            {
                return null;
            }

            var body = ProblemBody(status);
            var start = head.IndexOf("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase);
            var rewritten = string.Concat(
                head.AsSpan(0, start),
                $"\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: {body.Length}\r\n",
                head.AsSpan(start + "\r\nContent-Length: 0\r\n".Length));
            return [.. Encoding.ASCII.GetBytes(rewritten), .. body];
        }
    }
}
