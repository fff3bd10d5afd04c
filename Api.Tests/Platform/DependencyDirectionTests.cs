using System.Reflection;
using System.Reflection.Emit;
using SmartBranch.Api.Common;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Shared code depends on no area: Api/Common and the messaging module (Api/Messaging) reference no type
/// under Api/Features, so a new area plugs in without touching them. Checked on the compiled assembly:
/// signatures, base types and every type, method and field token in the method bodies (lambdas and async
/// state machines included, as nested types).
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string Features = "SmartBranch.Api.Features";

    private static readonly Assembly Api = typeof(ApiSetup).Assembly;

    [TestCase("SmartBranch.Api.Common")]
    [TestCase("SmartBranch.Api.Messaging")]
    public void ReferencesNoFeature_WhenTheCompiledSharedCodeIsScanned(string shared)
    {
        var offenders = Api.GetTypes()
            .Where(t => InNamespace(t, shared))
            .SelectMany(t => ReferencedTypes(t).Where(r => InNamespace(r, Features)).Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct()
            .Order()
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void FindsFeatureReferences_WhenTheyAreThere()
    {
        // The composition root knows every area; if the scanner missed this, the test above could not fail.
        var demoData = Api.GetType("SmartBranch.Api.Startup.DemoData", throwOnError: true)!;
        Assert.That(ReferencedTypes(demoData).Select(t => t.Namespace), Does.Contain("SmartBranch.Api.Features.Activities"));
    }

    private static bool InNamespace(Type type, string prefix) =>
        type.Namespace is { } ns && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(all))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(all))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var member in BodyReferences(method))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m is MethodInfo mi)
                        {
                            Add(mi.ReturnType);
                            foreach (var argument in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                            {
                                Add(argument);
                            }
                        }

                        foreach (var parameter in m.GetParameters())
                        {
                            Add(parameter.ParameterType);
                        }

                        break;
                    case FieldInfo f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        foreach (var nested in type.GetNestedTypes(all))
        {
            foreach (var t in ReferencedTypes(nested))
            {
                found.Add(t);
            }
        }

        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types, methods and fields a method body names (call, newobj, ldfld, castclass, ldtoken …).</summary>
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
                    at += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (BitConverter.ToInt32(il, at) * 4);
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }
}
