using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartBranch.Api.Common.OpenApi;

/// <summary>
/// Keeps an operation's one-line summary the one its module gives (<c>.WithSummary(…)</c>) and moves the handler's XML
/// doc comment (statuses, shapes, units, rule sources) into the description. Swashbuckle's XML comments filter would
/// otherwise put the whole comment into <c>summary</c>, which Swagger UI and generated clients show as a single line.
/// </summary>
internal sealed class SummaryAndDescription : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var summary = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
        if (string.IsNullOrWhiteSpace(summary) || operation.Summary == summary)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(operation.Summary))
        {
            operation.Description = string.IsNullOrWhiteSpace(operation.Description)
                ? operation.Summary
                : operation.Summary + "\n\n" + operation.Description;
        }

        operation.Summary = summary;
    }
}
