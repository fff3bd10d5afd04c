using Microsoft.Net.Http.Headers;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Common.Validation;

/// <summary>Reads a multipart upload, answering 400 (never 500) when the body is not the form it claims to be.</summary>
public static class RequestForms
{
    /// <summary>
    /// The form of a <c>multipart/form-data</c> request, or a refusal (400 through <c>Problems.From</c>) when the content type has no
    /// boundary, the body is not multipart, or it ends early. <paramref name="expected"/> tells the user
    /// what to upload (e.g. "请以 multipart/form-data 上传名册文件（字段名 file）。").
    /// </summary>
    public static async Task<Result<IFormCollection>> ReadAsync(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        DomainError Refuse(string why) => new("upload.not_a_form", $"{why}{expected}", ErrorKind.Invalid, "上传内容无效");

        if (!request.HasFormContentType)
        {
            return Refuse("上传内容不是表单。");
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
        {
            return Refuse("表单缺少分隔符（boundary）。");
        }

        try
        {
            return Result<IFormCollection>.Ok(await request.ReadFormAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            // The body does not match its multipart boundary (or ends early): the client sent a broken upload.
            return Refuse("上传内容无法按表单读取，可能不完整或格式不符。");
        }
    }
}
