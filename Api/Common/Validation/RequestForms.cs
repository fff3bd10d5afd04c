using Microsoft.Net.Http.Headers;

namespace SmartBranch.Api.Common.Validation;

/// <summary>Reads a multipart upload, answering 400 (never 500) when the body is not the form it claims to be.</summary>
public static class RequestForms
{
    /// <summary>
    /// The form of a <c>multipart/form-data</c> request, or a 400 ProblemDetails when the content type has no
    /// boundary, the body is not multipart, or it ends early. <paramref name="expected"/> tells the user
    /// what to upload (e.g. "请以 multipart/form-data 上传名册文件（字段名 file）。").
    /// </summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        ProblemHttpResult Refuse(string why) => Problems.BadRequest("上传内容无效", $"{why}{expected}");

        if (!request.HasFormContentType)
        {
            return (null, Refuse("上传内容不是表单。"));
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
        {
            return (null, Refuse("表单缺少分隔符（boundary）。"));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            // The body does not match its multipart boundary (or ends early): the client sent a broken upload.
            return (null, Refuse("上传内容无法按表单读取，可能不完整或格式不符。"));
        }
    }
}
