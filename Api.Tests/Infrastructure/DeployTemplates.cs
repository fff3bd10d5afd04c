using System.Text.RegularExpressions;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// The subscription-message template settings the deployment names: deploy/compose.yaml passes
/// <c>Reminders__Templates__&lt;Kind&gt;__TemplateId</c> from a deploy/.env variable, deploy/.env.example lists the variables.
/// The one list deploy/compose-check.sh, deploy/scale-check.sh and the production start tests read.
/// </summary>
internal static partial class DeployTemplates
{
    /// <summary>Kind name → the deploy/.env variable compose.yaml takes its template id from.</summary>
    public static IReadOnlyDictionary<string, string> InCompose() =>
        ComposeLine().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "compose.yaml")))
            .ToDictionary(m => m.Groups["kind"].Value, m => m.Groups["variable"].Value);

    /// <summary>The TEMPLATE_… variables deploy/.env.example names.</summary>
    public static IReadOnlyList<string> InEnvExample() =>
        [.. EnvLine().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", ".env.example"))).Select(m => m.Groups["variable"].Value)];

    [GeneratedRegex(@"^\s*Reminders__Templates__(?<kind>\w+)__TemplateId:\s*\$\{(?<variable>\w+):\?", RegexOptions.Multiline)]
    private static partial Regex ComposeLine();

    [GeneratedRegex(@"^(?<variable>TEMPLATE_\w+)=", RegexOptions.Multiline)]
    private static partial Regex EnvLine();
}
