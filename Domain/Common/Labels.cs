using System.Reflection;

namespace SmartBranch.Domain.Common;

/// <summary>
/// The Chinese name of an enum member, in the words the console and the mini-program show for the same value
/// (Domain/README.md §Words). The member's C# name stays the API contract (Api/openapi.json publishes it, clients send
/// it); the label is what a person reads, e.g. in a 400 that lists the values an enum allows. Every member of every public
/// enum in Domain, and of every enum a request binds, has one (Api.Tests/Platform/EnumLabelTests.cs).
/// </summary>
/// <remarks>
/// Our own attribute rather than <c>System.ComponentModel.DescriptionAttribute</c>: nothing else reads it, so no
/// serializer, OpenAPI generator or tool turns it into a description or a second name by accident.
/// </remarks>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class LabelAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>Reads the <see cref="LabelAttribute"/>s of an enum, once per type.</summary>
public static class EnumLabels
{
    /// <summary>The label of <paramref name="value"/>; its C# name (or number) when it has none.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.Labels.TryGetValue(value, out var label) ? label : value.ToString();

    /// <summary>
    /// The members of <paramref name="enumType"/> in value order (as <see cref="Enum.GetNames(Type)"/> lists them), each
    /// with its label, or null when it has none.
    /// </summary>
    public static IReadOnlyList<(string Name, string? Label)> Members(Type enumType) =>
    [
        .. Enum.GetNames(enumType).Select(name => (name, enumType.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<LabelAttribute>()?.Text)),
    ];

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Labels = Members(typeof(T))
            .Where(m => m.Label is not null)
            .ToDictionary(m => Enum.Parse<T>(m.Name), m => m.Label!);
    }
}
