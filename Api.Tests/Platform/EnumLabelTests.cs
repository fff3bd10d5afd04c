using System.Reflection;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Api.Common.Validation;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Dues;
using SmartBranch.Domain.Interaction;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Every enum value a request can carry has a Chinese label (<see cref="LabelAttribute"/>), so the 400 that lists an
/// enum's values (<see cref="StrictJson.EnumRefusal"/>) reads in Chinese: every public enum in Domain, and every enum
/// the running app's endpoints bind (body, route, query, <c>[AsParameters]</c>), wherever it is declared.
/// </summary>
public sealed class EnumLabelTests : FunctionalTest
{
    [Test]
    public void EveryValueHasAChineseLabel_WhenTheEnumIsInDomainOrARequestCarriesIt()
    {
        var enums = typeof(Visibility).Assembly.GetTypes().Where(t => t.IsEnum && t.IsVisible).Concat(BoundEnums()).Distinct();

        var unlabelled = enums
            .SelectMany(t => EnumLabels.Members(t).Where(m => !IsChineseLabel(m.Label)).Select(m => $"{t.FullName}.{m.Name}"))
            .Order()
            .ToList();

        Assert.That(unlabelled, Is.Empty, "enum values without a Chinese [Label] (one without the list's separators 、（）)");
    }

    [Test]
    public void FindsBodyRouteAndQueryEnums_WhenWalkingTheEndpoints()
    {
        // If the walk below missed these (a body, a route value, query values), the test above could not fail for an API enum.
        Assert.That(BoundEnums(), Is.SupersetOf(new[] { typeof(DuesCategory), typeof(MeetingType), typeof(MailboxStatus), typeof(TargetKind) }));
    }

    [Test]
    public void ListsLabelsWithTheNamesToSend_WhenAnEnumIsRefused()
    {
        Assert.That(StrictJson.EnumRefusal(typeof(Cadence)), Is.EqualTo("取值无效，可选值为：每月（Monthly）、每季度（Quarterly）、每年（Yearly）、不作要求（NotRequired）。"));
    }

    /// <summary>Not blank, has a Chinese character, and has none of the characters that separate the refusal's list.</summary>
    private static bool IsChineseLabel(string? label) =>
        !string.IsNullOrWhiteSpace(label) && label.Any(c => c is >= '\u4e00' and <= '\u9fff') && label.IndexOfAny(['、', '（', '）']) < 0;

    /// <summary>
    /// The enums among the types the endpoints' handlers take from the request: their parameters that are not services,
    /// and what those types hold (properties, element and type arguments), followed into our own types only.
    /// </summary>
    private HashSet<Type> BoundEnums()
    {
        var services = App.Services.GetRequiredService<IServiceProviderIsService>();
        var found = new HashSet<Type>();
        var seen = new HashSet<Type>();

        void Visit(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || services.IsService(type))
            {
                return;
            }

            if (type.IsEnum)
            {
                found.Add(type);
                return;
            }

            if (type.HasElementType)
            {
                Visit(type.GetElementType()!);
            }

            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    Visit(argument);
                }
            }

            if (type.Namespace?.StartsWith("SmartBranch.", StringComparison.Ordinal) == true)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    Visit(property.PropertyType);
                }
            }
        }

        var handlers = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<MethodInfo>())
            .OfType<MethodInfo>();
        foreach (var parameter in handlers.SelectMany(h => h.GetParameters()).Where(p => !p.GetCustomAttributes(false).Any(a => a is Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata or FromKeyedServicesAttribute)))
        {
            Visit(parameter.ParameterType);
        }

        return found;
    }
}
