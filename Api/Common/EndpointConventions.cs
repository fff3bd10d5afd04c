namespace SmartBranch.Api.Common;

/// <summary>
/// Endpoint conventions the OpenAPI document (Api/Common/OpenApi/ApiDocument.cs) reads: a tag with its description
/// (<c>group.WithTag("Notices", "…")</c> instead of <c>WithTags</c>) and a file answer (<c>.ProducesFile("image/png")</c>).
/// </summary>
public static class EndpointConventions
{
    /// <summary>Endpoint metadata giving a tag its description in the OpenAPI document.</summary>
    public sealed record TagDescription(string Name, string Description);

    /// <summary>Tags the endpoints with <paramref name="name"/> and describes the tag once for the document.</summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new TagDescription(name, description));

    /// <summary>200 with a file body (binary) of <paramref name="contentType"/> or one of <paramref name="more"/>.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType, params string[] more) =>
        builder.Produces(StatusCodes.Status200OK, typeof(Stream), contentType, more);
}
