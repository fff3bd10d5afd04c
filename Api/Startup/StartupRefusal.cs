using SmartBranch.Infrastructure;

namespace SmartBranch.Api.Startup;

/// <summary>
/// Turns the exceptions that mean "this deployment is misconfigured" into one plain sentence for the
/// operator, so a refused start is a clear message and exit code 1 rather than a crash dump.
/// </summary>
internal static class StartupRefusal
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        StartupRefusedException refused => refused.Message,
        AggregateException aggregate when aggregate.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join(" ", aggregate.InnerExceptions.Select(Describe)),
        _ => null,
    };
}
