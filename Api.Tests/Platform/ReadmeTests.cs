using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Infrastructure.WeChat;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// The root README names only what exists: every mini-program page is in miniprogram/app.json, every route is one of
/// the running app's endpoints, and every configuration key is bound by an options class or is a known framework key.
/// </summary>
public sealed partial class ReadmeTests : FunctionalTest
{
    /// <summary>Keys the app reads without an options class (framework keys and single reads of configuration).</summary>
    private static readonly string[] KnownKeys =
    [
        "ConnectionStrings:Default",
        "Swagger:Enabled",
    ];

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    [Test]
    public void Every_page_it_names_is_in_app_json()
    {
        using var appJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "miniprogram", "app.json")));
        var pages = new HashSet<string>(appJson.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()!));
        foreach (var name in new[] { "subpackages", "subPackages" })
        {
            if (appJson.RootElement.TryGetProperty(name, out var packages))
            {
                foreach (var package in packages.EnumerateArray())
                {
                    var root = package.GetProperty("root").GetString()!.TrimEnd('/');
                    pages.UnionWith(package.GetProperty("pages").EnumerateArray().Select(p => $"{root}/{p.GetString()}"));
                }
            }
        }

        var named = PagePattern().Matches(Readme).Select(m => m.Value).Distinct().ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(p => !pages.Contains(p)), Is.Empty, "pages README names that app.json does not list");
    }

    [Test]
    public void Every_route_it_names_is_an_endpoint()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText ?? string.Empty)}"))
            .ToHashSet();

        var named = RoutePattern().Matches(Readme).Select(m => $"{m.Groups["method"].Value} {Normalise(m.Groups["path"].Value)}").Distinct().ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(r => !endpoints.Contains(r)), Is.Empty, "routes README names that the app does not map");
    }

    [Test]
    public void Every_configuration_key_it_names_is_bound()
    {
        var sections = new[] { typeof(Program).Assembly, typeof(WeChatOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)))
            .Where(s => s.Field is { IsLiteral: true } && s.Field.FieldType == typeof(string))
            .ToLookup(s => (string)s.Field!.GetRawConstantValue()!, s => s.Type, StringComparer.OrdinalIgnoreCase);

        var named = KeyPattern().Matches(Readme).Select(m => m.Groups["key"].Value).Distinct().ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(
            named.Where(k => !KnownKeys.Contains(k) && !sections[k.Split(':')[0]].Any(t => Binds(t, k.Split(':')[1..]))),
            Is.Empty,
            "configuration keys README names that no options class binds");
    }

    /// <summary>Whether binding <paramref name="type"/> reads the key made of <paramref name="segments"/>.</summary>
    private static bool Binds(Type type, string[] segments)
    {
        if (segments.Length == 0)
        {
            return true;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var segment = segments[0];
        var rest = segments[1..];

        var dictionary = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return Binds(dictionary.GetGenericArguments()[1], rest);
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().Single();
            return (segment == "N" || segment.All(char.IsAsciiDigit)) && Binds(element, rest);
        }

        var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } && property.SetMethod!.IsPublic && Binds(property.PropertyType, rest);
    }

    /// <summary>Route parameters become <c>{}</c>; the query string is dropped.</summary>
    private static string Normalise(string route) =>
        "/" + ParameterPattern().Replace(route.Split('?')[0], "{}").Trim('/').ToLowerInvariant();

    [GeneratedRegex(@"\bpages/[a-z0-9-]+/[a-z0-9-]+")]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"\b(?<method>GET|POST|PUT|DELETE|PATCH)\s+(?<path>/(api|screen|health)(\{[^}]*\}|[^\s`|,;)])*)")]
    private static partial Regex RoutePattern();

    [GeneratedRegex(@"`(?<key>[A-Z][A-Za-z]+(:([A-Z][A-Za-z0-9]*|N|<[A-Za-z]+>))+)`")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex ParameterPattern();
}
